package io.jrtc.stun;

/**
 * STUN method numbers (RFC 8489 §18.2 and RFC 8656 §17 for TURN) and the mapping between method+class and the
 * 14-bit message type, whose method bits are interleaved with the class bits (RFC 8489 §5, figure 3).
 */
public final class StunMethod {
    public static final int BINDING = 0x001;
    public static final int ALLOCATE = 0x003;
    public static final int REFRESH = 0x004;
    public static final int SEND = 0x006;
    public static final int DATA = 0x007;
    public static final int CREATE_PERMISSION = 0x008;
    public static final int CHANNEL_BIND = 0x009;

    /** The largest method number: 12 bits. */
    public static final int MAX = 0xFFF;

    private StunMethod() {
    }

    /** Builds the 16-bit message type field: M11..M7 C1 M6..M4 C0 M3..M0. */
    public static int messageType(int method, StunClass cls) {
        if (method < 0 || method > MAX) {
            throw new IllegalArgumentException("STUN method out of range: " + method);
        }
        int c = cls.bits();
        return (method & 0x000F)
                | ((method & 0x0070) << 1)
                | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4)
                | ((c & 0b10) << 7);
    }

    public static int methodOf(int messageType) {
        return (messageType & 0x000F) | ((messageType & 0x00E0) >> 1) | ((messageType & 0x3E00) >> 2);
    }

    public static StunClass classOf(int messageType) {
        return StunClass.fromBits(((messageType >> 4) & 0b01) | ((messageType >> 7) & 0b10));
    }
}
