package io.jrtc.stun;

/**
 * LIFETIME (RFC 8656 §18.2): the seconds an allocation has left, or the client asks for, as a 32-bit unsigned
 * number. Zero in a Refresh request deletes the allocation (§7.2).
 */
public record LifetimeAttribute(long seconds) implements StunAttribute {
    public LifetimeAttribute {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lifetime must be a 32-bit unsigned value: " + seconds);
        }
    }

    public static LifetimeAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("LIFETIME", len, 4);
        return new LifetimeAttribute(StunValues.u32(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.LIFETIME;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[4];
        StunValues.putU32(v, 0, seconds);
        return v;
    }
}
