package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** SOFTWARE (RFC 8489 §14.14): a description of the sending software. */
public record SoftwareAttribute(String description) implements StunAttribute {
    public SoftwareAttribute {
        Objects.requireNonNull(description, "description");
    }

    public static SoftwareAttribute decode(byte[] b, int off, int len) {
        return new SoftwareAttribute(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public int type() {
        return StunAttributeType.SOFTWARE;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return description.getBytes(StandardCharsets.UTF_8);
    }
}
