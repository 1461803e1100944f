package io.jrtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256 over the message up to this attribute, possibly
 * truncated to 16..32 bytes in steps of four. The encoder always writes the full 32 bytes.
 */
public record MessageIntegritySha256Attribute(byte[] hmac) implements StunAttribute {
    public static final int MAX_LENGTH = 32;
    public static final int MIN_LENGTH = 16;

    public MessageIntegritySha256Attribute {
        if (hmac.length < MIN_LENGTH || hmac.length > MAX_LENGTH || hmac.length % 4 != 0) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 length invalid: " + hmac.length);
        }
        hmac = hmac.clone();
    }

    public static MessageIntegritySha256Attribute decode(byte[] b, int off, int len) throws StunParseException {
        if (len < MIN_LENGTH || len > MAX_LENGTH || len % 4 != 0) {
            throw new StunParseException("MESSAGE-INTEGRITY-SHA256 length invalid: " + len);
        }
        return new MessageIntegritySha256Attribute(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return hmac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256Attribute m && Arrays.equals(m.hmac, hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256Attribute[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
