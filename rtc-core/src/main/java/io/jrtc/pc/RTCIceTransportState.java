package io.jrtc.pc;

/** State of an RTCIceTransport (W3C RTCIceTransportState). {@code toString()} gives the W3C string. */
public enum RTCIceTransportState {
    NEW, CHECKING, CONNECTED, COMPLETED, DISCONNECTED, FAILED, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCIceTransportState fromString(String value) {
        return W3cNames.parse(RTCIceTransportState.class, value);
    }
}
