package io.jrtc.pc;

/** ICE credentials of one side (the reference's RTCIceParameters). */
public record RTCIceParameters(String usernameFragment, String password, boolean iceLite) {
    public RTCIceParameters(String usernameFragment, String password) {
        this(usernameFragment, password, false);
    }

    RTCIceParameters(io.jrtc.ice.IceParameters ice) {
        this(ice.usernameFragment(), ice.password(), ice.iceLite());
    }

    public String getUsernameFragment() {
        return usernameFragment;
    }

    public String getPassword() {
        return password;
    }

    public boolean isIceLite() {
        return iceLite;
    }
}
