package io.jrtc.stun;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes of RFC 8489: MESSAGE-INTEGRITY (HMAC-SHA1, §14.5), MESSAGE-INTEGRITY-SHA256 (§14.6), FINGERPRINT
 * (CRC-32, §14.7), and the keys of short-term (§9.1.1) and long-term (§9.2.2, MD5 algorithm) credentials.
 *
 * <p>Each hash covers the message up to the attribute that carries it, with the header's length field rewritten
 * as if that attribute were the last one.
 */
public final class StunIntegrity {
    private static final String HMAC_SHA1 = "HmacSHA1";
    private static final String HMAC_SHA256 = "HmacSHA256";
    /**
     * One Mac of each algorithm per thread: Mac.getInstance walks the security providers on every call, which cost
     * as much as the hash itself on the consent path (two checks and two responses per connection every 5 s).
     */
    private static final ThreadLocal<Mac> SHA1_MACS = ThreadLocal.withInitial(() -> newMac(HMAC_SHA1));
    private static final ThreadLocal<Mac> SHA256_MACS = ThreadLocal.withInitial(() -> newMac(HMAC_SHA256));

    private StunIntegrity() {
    }

    /** Short-term credential key: the password's UTF-8 bytes (OpaqueString/SASLprep is the identity for ASCII). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Long-term credential key with the MD5 algorithm: MD5(username ":" realm ":" password) over UTF-8 bytes.
     * Callers must pass strings already processed by SASLprep/OpaqueString when they are not plain ASCII.
     */
    public static byte[] longTermKey(String username, String realm, String password) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return md5.digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /**
     * HMAC over {@code message[0, end)} with the length field set to {@code adjustedLength}, as the integrity
     * attributes require.
     */
    static byte[] hmac(boolean sha256, byte[] key, byte[] message, int end, int adjustedLength) {
        try {
            String algorithm = sha256 ? HMAC_SHA256 : HMAC_SHA1;
            Mac mac = (sha256 ? SHA256_MACS : SHA1_MACS).get();
            // An empty key is legal in STUN but rejected by SecretKeySpec; HMAC pads keys with zeros anyway.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            updateWithAdjustedLength(mac, message, end, adjustedLength);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 and HMAC-SHA256 are required of every Java platform", e);
        }
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 and HMAC-SHA256 are required of every Java platform", e);
        }
    }

    /** FINGERPRINT value of {@code message[0, end)} with the length field set to {@code adjustedLength}. */
    static int fingerprint(byte[] message, int end, int adjustedLength) {
        CRC32 crc = new CRC32();
        crc.update(message, 0, 2);
        crc.update(adjustedLength >>> 8);
        crc.update(adjustedLength & 0xFF);
        crc.update(message, 4, end - 4);
        return (int) crc.getValue() ^ FingerprintAttribute.XOR_VALUE;
    }

    private static void updateWithAdjustedLength(Mac mac, byte[] message, int end, int adjustedLength) {
        mac.update(message, 0, 2);
        mac.update((byte) (adjustedLength >>> 8));
        mac.update((byte) adjustedLength);
        mac.update(message, 4, end - 4);
    }

    static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[i];
        }
        return diff == 0;
    }
}
