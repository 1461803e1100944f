package io.jrtc.pc;

/** ICE role of an RTCIceTransport. {@code toString()} gives the W3C string. */
public enum RTCIceRole {
    CONTROLLING, CONTROLLED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCIceRole fromString(String value) {
        return W3cNames.parse(RTCIceRole.class, value);
    }
}
