package io.jrtc.pc;

/** ICE connection state (W3C RTCIceConnectionState). {@code toString()} gives the W3C string. */
public enum RTCIceConnectionState {
    NEW, CHECKING, CONNECTED, COMPLETED, DISCONNECTED, FAILED, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCIceConnectionState fromString(String value) {
        return W3cNames.parse(RTCIceConnectionState.class, value);
    }
}
