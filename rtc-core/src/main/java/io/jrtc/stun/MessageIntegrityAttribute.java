package io.jrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1 over the message up to this attribute. A parsed message keeps the
 * received value; the encoder computes a fresh one from the key it is given and ignores any instance in the
 * attribute list.
 */
public record MessageIntegrityAttribute(byte[] hmac) implements StunAttribute {
    public static final int LENGTH = 20;

    public MessageIntegrityAttribute {
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes, was " + hmac.length);
        }
        hmac = hmac.clone();
    }

    public static MessageIntegrityAttribute decode(byte[] b, int off, int len) throws StunParseException {
        StunValues.requireLength("MESSAGE-INTEGRITY", len, LENGTH);
        return new MessageIntegrityAttribute(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return hmac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrityAttribute m && Arrays.equals(m.hmac, hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrityAttribute[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
