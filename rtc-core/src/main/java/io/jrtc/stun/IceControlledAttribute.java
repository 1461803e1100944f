package io.jrtc.stun;

/**
 * ICE-CONTROLLED (RFC 8445 §7.1.3): the sender believes it is the controlled agent. The value is its
 * 64-bit tie-breaker, compared as an unsigned number to resolve role conflicts.
 */
public record IceControlledAttribute(long tieBreaker) implements StunAttribute {
    public static IceControlledAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("ICE-CONTROLLED", len, 8);
        return new IceControlledAttribute(StunValues.u64(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLED;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[8];
        StunValues.putU64(v, 0, tieBreaker);
        return v;
    }
}
