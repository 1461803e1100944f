package io.jrtc.dtls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Decides whether a server's certificate chain is acceptable, as a TLS client's trust manager and hostname
 * verification do; used by a DTLS client that talks to a named server ({@code turns:} over UDP) instead of a
 * WebRTC peer known by fingerprint.
 */
@FunctionalInterface
public interface ServerCertificateCheck {
    /**
     * @param chain    the server's chain, its own certificate first
     * @param authType the key exchange as JSSE names it ("ECDHE_ECDSA", "ECDHE_RSA", ...)
     * @throws CertificateException when the chain is not trusted or does not name the server
     */
    void check(X509Certificate[] chain, String authType) throws CertificateException;
}
