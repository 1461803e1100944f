package io.jrtc.stun;

/**
 * FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message up to this attribute, XORed with 0x5354554e. It lets STUN be
 * told apart from other protocols on the same port. The encoder computes it; a parsed message keeps the received
 * value.
 */
public record FingerprintAttribute(int crc) implements StunAttribute {
    public static final int XOR_VALUE = 0x5354554E;

    public static FingerprintAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("FINGERPRINT", len, 4);
        return new FingerprintAttribute((int) StunValues.u32(b, off));
    }

    @Override
    public int type() {
        return StunAttributeType.FINGERPRINT;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[4];
        StunValues.putU32(v, 0, crc & 0xFFFF_FFFFL);
        return v;
    }
}
