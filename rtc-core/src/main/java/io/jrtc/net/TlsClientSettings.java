package io.jrtc.net;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How a {@link TcpStreamSocket} speaks TLS as a client: the name the server's certificate must be issued for
 * (host name or IP literal, RFC 6125 / RFC 2818 rules through the JDK's "HTTPS" endpoint identification) and the
 * JDK {@link SSLContext} whose trust managers decide which certificates count. Hostname verification is on unless a
 * caller turns it off explicitly. {@code trustManager} is the context's trust (the same store), for the one client
 * that cannot run through an {@link SSLEngine}: DTLS to a {@code turns:} server over UDP, which
 * {@link #checkServerTrusted} verifies as TLS would.
 */
public record TlsClientSettings(String serverName, SSLContext context, boolean verifyHostname,
                                X509TrustManager trustManager) {
    public TlsClientSettings {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(trustManager, "trustManager");
    }

    /** The JDK's default trust store, hostname verification on. */
    public static TlsClientSettings systemTrust(String serverName) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init((KeyStore) null);
            return new TlsClientSettings(serverName, SSLContext.getDefault(), true, x509(trust));
        } catch (NoSuchAlgorithmException | java.security.KeyStoreException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Trusts exactly this certificate (a self-signed test server's) and nothing else; hostname verification stays
     * on, so the certificate must name {@code serverName}.
     */
    public static TlsClientSettings trusting(String serverName, X509Certificate certificate) {
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            anchors.setCertificateEntry("trusted", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsClientSettings(serverName, context, true, x509(trust));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for " + certificate.getSubjectX500Principal(),
                    e);
        }
    }

    /**
     * Verifies a server's chain as a TLS connection with these settings would: trusted by {@link #trustManager()}
     * (PKIX, key usage for {@code authType}), and issued for {@link #serverName()} when hostname verification is on
     * (RFC 6125 §6, RFC 2818 §3.1: see {@link ServerIdentity}).
     *
     * @throws CertificateException saying what is wrong
     */
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        trustManager.checkServerTrusted(chain, authType);
        if (verifyHostname) {
            ServerIdentity.check(serverName, chain[0]);
        }
    }

    private static X509TrustManager x509(TrustManagerFactory factory) {
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager in " + factory.getAlgorithm());
    }

    /** A client engine for one connection to {@code port}: SNI when the name is not an IP literal. */
    SSLEngine newEngine(int port) {
        SSLEngine engine = context.createSSLEngine(serverName, port);
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(serverName)) {
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }
}
