package io.jrtc.pc;

/** Type of a session description (W3C RTCSdpType). {@code toString()} gives the W3C string. */
public enum RTCSdpType {
    OFFER, ANSWER, PRANSWER, ROLLBACK;

    @Override
    public String toString() {
        return W3cNames.of(this);
    }

    public static RTCSdpType fromString(String value) {
        return W3cNames.parse(RTCSdpType.class, value);
    }
}
