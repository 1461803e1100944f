package io.jrtc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 §5): the hash function's textual name,
 * e.g. "sha-256", and the hash of the DER-encoded certificate as upper-case hex pairs separated by colons.
 *
 * @param algorithm hash function textual name, e.g. "sha-256"
 * @param value colon-separated hex pairs, e.g. "AB:01:..."
 */
public record DtlsFingerprint(String algorithm, String value) {

    /** The hash functions of RFC 8122 §5 that are not deprecated (MD5 and MD2 are not accepted). */
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public DtlsFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
    }

    /** Same hash function and same hash value, both compared case-insensitively (RFC 8122 §5 allows either case). */
    public boolean matches(DtlsFingerprint other) {
        return other != null && algorithm.equalsIgnoreCase(other.algorithm) && value.equalsIgnoreCase(other.value);
    }

    /** The SDP attribute value: {@code algorithm SP value}. */
    public String toSdpValue() {
        return algorithm + " " + value;
    }

    /** Whether {@link #of} can compute a fingerprint with this hash function name. */
    public static boolean isSupportedAlgorithm(String algorithm) {
        return algorithm != null && SUPPORTED_ALGORITHMS.contains(algorithm.toLowerCase(Locale.ROOT));
    }

    /**
     * Computes the fingerprint of a DER-encoded certificate (RFC 8122 §5).
     *
     * @throws IllegalArgumentException if the algorithm is not one of {@link #SUPPORTED_ALGORITHMS}
     */
    public static DtlsFingerprint of(byte[] der, String algorithm) {
        Objects.requireNonNull(der, "der");
        if (!isSupportedAlgorithm(algorithm)) {
            throw new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm);
        }
        String name = algorithm.toLowerCase(Locale.ROOT);
        try {
            // The RFC 8122 textual names upper-cased are the JCA MessageDigest names.
            byte[] hash = MessageDigest.getInstance(name.toUpperCase(Locale.ROOT)).digest(der);
            return new DtlsFingerprint(name, hexPairs(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + name, e);
        }
    }

    /**
     * Parses an SDP fingerprint attribute value, {@code hash-func SP fingerprint} (RFC 8122 §5). Hex digits may be in
     * either case; they are kept as given.
     *
     * @throws DtlsFingerprintFormatException if the text is not in that form
     */
    public static DtlsFingerprint parse(String sdpValue) {
        if (sdpValue == null) {
            throw new DtlsFingerprintFormatException("null fingerprint");
        }
        String trimmed = sdpValue.strip();
        int space = trimmed.indexOf(' ');
        if (space <= 0) {
            throw new DtlsFingerprintFormatException("missing hash function name: " + sdpValue);
        }
        String algorithm = trimmed.substring(0, space);
        String value = trimmed.substring(space + 1).strip();
        if (!isToken(algorithm)) {
            throw new DtlsFingerprintFormatException("bad hash function name: " + algorithm);
        }
        if (!isHexPairs(value)) {
            throw new DtlsFingerprintFormatException("bad fingerprint value: " + value);
        }
        return new DtlsFingerprint(algorithm, value);
    }

    static String hexPairs(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return text.toString();
    }

    private static boolean isToken(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static boolean isHexPairs(String text) {
        if (text.length() < 2 || (text.length() + 1) % 3 != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
