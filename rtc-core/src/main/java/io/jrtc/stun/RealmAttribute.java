package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** REALM (RFC 8489 §14.9): the realm of long-term credentials. */
public record RealmAttribute(String realm) implements StunAttribute {
    public RealmAttribute {
        Objects.requireNonNull(realm, "realm");
    }

    public static RealmAttribute decode(byte[] b, int off, int len) {
        return new RealmAttribute(new String(b, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public int type() {
        return StunAttributeType.REALM;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return realm.getBytes(StandardCharsets.UTF_8);
    }
}
