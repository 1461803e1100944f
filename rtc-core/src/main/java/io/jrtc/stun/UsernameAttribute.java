package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** USERNAME (RFC 8489 §14.3): the user name, at most 513 bytes of UTF-8. */
public record UsernameAttribute(String username) implements StunAttribute {
    public UsernameAttribute {
        Objects.requireNonNull(username, "username");
    }

    public static UsernameAttribute decode(byte[] b, int off, int len) {
        return new UsernameAttribute(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public int type() {
        return StunAttributeType.USERNAME;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return username.getBytes(StandardCharsets.UTF_8);
    }
}
