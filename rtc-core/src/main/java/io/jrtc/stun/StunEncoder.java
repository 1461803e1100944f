package io.jrtc.stun;

import java.util.Arrays;

/**
 * Writes a {@link StunMessage} to bytes (RFC 8489 §5, §14). The attributes go in list order; any
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 or FINGERPRINT in the list is skipped, and those are instead
 * computed here and written last, in that order, as §14.5-§14.7 require.
 *
 * <p>Padding bytes are zero unless another value is set: RFC 5769's vectors pad with spaces to show that
 * receivers must ignore padding, and reproducing them byte for byte needs the same padding.
 */
public final class StunEncoder {
    private byte[] integrityKey;
    private byte[] integritySha256Key;
    private boolean fingerprint;
    private byte padding;

    /** Adds MESSAGE-INTEGRITY (HMAC-SHA1) with this key; null for none. */
    public StunEncoder integrity(byte[] key) {
        this.integrityKey = key == null ? null : key.clone();
        return this;
    }

    /** Adds MESSAGE-INTEGRITY-SHA256 (full 32 bytes) with this key; null for none. */
    public StunEncoder integritySha256(byte[] key) {
        this.integritySha256Key = key == null ? null : key.clone();
        return this;
    }

    public StunEncoder fingerprint(boolean on) {
        this.fingerprint = on;
        return this;
    }

    public StunEncoder padding(byte value) {
        this.padding = value;
        return this;
    }

    public byte[] encode(StunMessage message) {
        byte[] tid = message.transactionId();
        Buffer out = new Buffer();
        out.putU16(StunMethod.messageType(message.method(), message.messageClass()));
        out.putU16(0);
        out.putU32(StunMessage.MAGIC_COOKIE);
        out.put(tid, 0, tid.length);
        for (StunAttribute a : message.attributes()) {
            if (!isComputed(a.type())) {
                putAttribute(out, a.type(), a.encodeValue(tid));
            }
        }
        if (integrityKey != null) {
            int start = out.length();
            byte[] mac = StunIntegrity.hmac(false, integrityKey, out.bytes(), start,
                    start + 4 + MessageIntegrityAttribute.LENGTH - StunMessage.HEADER_LENGTH);
            putAttribute(out, StunAttributeType.MESSAGE_INTEGRITY, mac);
        }
        if (integritySha256Key != null) {
            int start = out.length();
            byte[] mac = StunIntegrity.hmac(true, integritySha256Key, out.bytes(), start,
                    start + 4 + MessageIntegritySha256Attribute.MAX_LENGTH - StunMessage.HEADER_LENGTH);
            putAttribute(out, StunAttributeType.MESSAGE_INTEGRITY_SHA256, mac);
        }
        if (fingerprint) {
            int start = out.length();
            int crc = StunIntegrity.fingerprint(out.bytes(), start, start + 8 - StunMessage.HEADER_LENGTH);
            putAttribute(out, StunAttributeType.FINGERPRINT, new FingerprintAttribute(crc).encodeValue(tid));
        }
        byte[] result = out.toByteArray();
        StunValues.putU16(result, 2, result.length - StunMessage.HEADER_LENGTH);
        return result;
    }

    private static boolean isComputed(int type) {
        return type == StunAttributeType.MESSAGE_INTEGRITY
                || type == StunAttributeType.MESSAGE_INTEGRITY_SHA256
                || type == StunAttributeType.FINGERPRINT;
    }

    private void putAttribute(Buffer out, int type, byte[] value) {
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("attribute value too long: " + value.length);
        }
        out.putU16(type);
        out.putU16(value.length);
        out.put(value, 0, value.length);
        for (int i = value.length; i % 4 != 0; i++) {
            out.put(padding);
        }
        if (out.length() - StunMessage.HEADER_LENGTH > 0xFFFF) {
            throw new IllegalArgumentException("STUN message too long");
        }
    }

    /** A growable byte array: the encoder needs to hash its prefix in place before appending. */
    private static final class Buffer {
        private byte[] bytes = new byte[256];
        private int length;

        void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void put(byte[] src, int off, int len) {
            ensure(len);
            System.arraycopy(src, off, bytes, length, len);
            length += len;
        }

        void putU16(int v) {
            ensure(2);
            StunValues.putU16(bytes, length, v);
            length += 2;
        }

        void putU32(long v) {
            ensure(4);
            StunValues.putU32(bytes, length, v);
            length += 4;
        }

        int length() {
            return length;
        }

        byte[] bytes() {
            return bytes;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
