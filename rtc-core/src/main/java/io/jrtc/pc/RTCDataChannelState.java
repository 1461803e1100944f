package io.jrtc.pc;

/** Ready state of a data channel (W3C RTCDataChannelState). {@code toString()} gives the W3C string. */
public enum RTCDataChannelState {
    CONNECTING, OPEN, CLOSING, CLOSED;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCDataChannelState fromString(String value) {
        return W3cNames.parse(RTCDataChannelState.class, value);
    }
}
