package io.jrtc.stun;

/**
 * ICE-CONTROLLING (RFC 8445 §7.1.3): the sender believes it is the controlling agent. The value is its
 * 64-bit tie-breaker, compared as an unsigned number to resolve role conflicts.
 */
public record IceControllingAttribute(long tieBreaker) implements StunAttribute {
    public static IceControllingAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("ICE-CONTROLLING", len, 8);
        return new IceControllingAttribute(StunValues.u64(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLING;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[8];
        StunValues.putU64(v, 0, tieBreaker);
        return v;
    }
}
