package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** NONCE (RFC 8489 §14.10): the server's nonce for long-term credentials. */
public record NonceAttribute(String nonce) implements StunAttribute {
    public NonceAttribute {
        Objects.requireNonNull(nonce, "nonce");
    }

    public static NonceAttribute decode(byte[] b, int off, int len) {
        return new NonceAttribute(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public int type() {
        return StunAttributeType.NONCE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return nonce.getBytes(StandardCharsets.UTF_8);
    }
}
