package io.jrtc.datachannel;

/**
 * DATA_CHANNEL_OPEN channel types (RFC 8832 §5.1): the high bit means unordered, the low bits the kind of partial
 * reliability, whose parameter is a retransmission count or a lifetime in milliseconds.
 */
public enum DcepChannelType {
    RELIABLE(0x00),
    RELIABLE_UNORDERED(0x80),
    PARTIAL_RELIABLE_REXMIT(0x01),
    PARTIAL_RELIABLE_REXMIT_UNORDERED(0x81),
    PARTIAL_RELIABLE_TIMED(0x02),
    PARTIAL_RELIABLE_TIMED_UNORDERED(0x82);

    private final int code;

    DcepChannelType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean ordered() {
        return (code & 0x80) == 0;
    }

    /** The reliability parameter is a maximum number of retransmissions. */
    public boolean limitsRetransmits() {
        return (code & 0x7F) == 0x01;
    }

    /** The reliability parameter is a maximum lifetime in milliseconds. */
    public boolean limitsLifetime() {
        return (code & 0x7F) == 0x02;
    }

    /** The type for a wire code, or null when the code is not defined. */
    public static DcepChannelType fromCode(int code) {
        for (DcepChannelType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** The type announcing these W3C RTCDataChannelInit reliability settings (at most one limit set). */
    public static DcepChannelType of(boolean ordered, Integer maxRetransmits, Integer maxPacketLifeTime) {
        if (maxRetransmits != null) {
            return ordered ? PARTIAL_RELIABLE_REXMIT : PARTIAL_RELIABLE_REXMIT_UNORDERED;
        }
        if (maxPacketLifeTime != null) {
            return ordered ? PARTIAL_RELIABLE_TIMED : PARTIAL_RELIABLE_TIMED_UNORDERED;
        }
        return ordered ? RELIABLE : RELIABLE_UNORDERED;
    }
}
