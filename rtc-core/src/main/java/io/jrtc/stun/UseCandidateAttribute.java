package io.jrtc.stun;

/** USE-CANDIDATE (RFC 8445 §7.1.2): the controlling agent nominates the pair this check is sent on. No value. */
public record UseCandidateAttribute() implements StunAttribute {
    public static final UseCandidateAttribute INSTANCE = new UseCandidateAttribute();

    public static UseCandidateAttribute decode(int len) throws StunParseException {
        StunValues.requireLength("USE-CANDIDATE", len, 0);
        return INSTANCE;
    }

    @Override
    public int type() {
        return StunAttributeType.USE_CANDIDATE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return new byte[0];
    }
}
