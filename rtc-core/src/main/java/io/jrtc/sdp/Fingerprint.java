package io.jrtc.sdp;

import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint from {@code a=fingerprint} (RFC 8122 §5): a hash function name and the digest as
 * colon-separated hex pairs. The algorithm is normalised to lower case (its registry names are case-insensitive);
 * the value is kept as given and compared case-insensitively by {@link #matches}.
 */
public record Fingerprint(String algorithm, String value) {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public Fingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        SdpSyntax.requireToken(algorithm, "fingerprint hash function");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        if (!isHexPairs(value)) {
            throw new IllegalArgumentException("fingerprint value must be hex pairs separated by ':'");
        }
    }

    /** Parses the attribute value {@code "sha-256 AB:CD:..."}; throws IllegalArgumentException when malformed. */
    public static Fingerprint parse(String attributeValue) {
        if (attributeValue == null) {
            throw new IllegalArgumentException("fingerprint needs a hash function and a value");
        }
        int space = attributeValue.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("fingerprint needs a hash function and a value");
        }
        return new Fingerprint(attributeValue.substring(0, space), attributeValue.substring(space + 1));
    }

    /** The fingerprint of a digest in the upper-case form RFC 8122 prescribes. */
    public static Fingerprint of(String algorithm, byte[] digest) {
        if (digest.length == 0) {
            throw new IllegalArgumentException("empty digest");
        }
        StringBuilder sb = new StringBuilder(digest.length * 3);
        for (byte b : digest) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return new Fingerprint(algorithm, sb.toString());
    }

    /** Same algorithm and same digest, ignoring the case of the hex digits. */
    public boolean matches(Fingerprint other) {
        return other != null && algorithm.equalsIgnoreCase(other.algorithm) && value.equalsIgnoreCase(other.value);
    }

    @Override
    public String toString() {
        return algorithm + " " + value;
    }

    private static boolean isHexPairs(String v) {
        int n = v.length();
        if (n < 2 || (n + 1) % 3 != 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
