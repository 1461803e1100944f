package io.jrtc.pc;

/** State of an RTCSctpTransport (W3C RTCSctpTransportState). {@code toString()} gives the W3C string. */
public enum RTCSctpTransportState {
    CONNECTING, CONNECTED, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCSctpTransportState fromString(String value) {
        return W3cNames.parse(RTCSctpTransportState.class, value);
    }
}
