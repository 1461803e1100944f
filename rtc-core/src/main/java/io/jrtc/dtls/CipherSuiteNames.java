package io.jrtc.dtls;

import java.util.Locale;
import org.bouncycastle.tls.CipherSuite;

/**
 * The IANA TLS Cipher Suites registry's "Description" of the suites this stack negotiates (RFC 8447 §8), which is
 * what W3C webrtc-stats reports as {@code dtlsCipher}; BouncyCastle keeps only the numbers.
 */
public final class CipherSuiteNames {
    private CipherSuiteNames() {
    }

    /** The registry's description, e.g. "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", or the hex id when not ours. */
    public static String name(int cipherSuite) {
        return switch (cipherSuite) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 -> "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 -> "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 ->
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 -> "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 -> "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
            case CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256 ->
                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA -> "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA";
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA -> "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA -> "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA";
            case CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA -> "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA";
            default -> String.format(Locale.ROOT, "0x%04X", cipherSuite);
        };
    }
}
