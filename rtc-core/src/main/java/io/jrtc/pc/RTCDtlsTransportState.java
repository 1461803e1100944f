package io.jrtc.pc;

/** State of an RTCDtlsTransport (W3C RTCDtlsTransportState). {@code toString()} gives the W3C string. */
public enum RTCDtlsTransportState {
    NEW, CONNECTING, CONNECTED, CLOSED, FAILED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCDtlsTransportState fromString(String value) {
        return W3cNames.parse(RTCDtlsTransportState.class, value);
    }
}
