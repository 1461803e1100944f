package io.jrtc.pc;

/** Aggregate state of a peer connection's transports (W3C RTCPeerConnectionState). {@code toString()} gives the W3C string. */
public enum RTCPeerConnectionState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCPeerConnectionState fromString(String value) {
        return W3cNames.parse(RTCPeerConnectionState.class, value);
    }
}
