package io.jrtc.sdp;

/** RTCSdpType (W3C webrtc-pc §4.8.1, RFC 8829 §4.1.8); {@link #toString} gives the W3C string. */
public enum SdpType {
    OFFER("offer"),
    ANSWER("answer"),
    PRANSWER("pranswer"),
    ROLLBACK("rollback");

    private final String w3cName;

    SdpType(String w3cName) {
        this.w3cName = w3cName;
    }

    /** The type for a W3C string such as "offer"; throws IllegalArgumentException for anything else. */
    public static SdpType fromString(String value) {
        for (SdpType type : values()) {
            if (type.w3cName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown SDP type: " + value);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
