package io.jrtc.net;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a {@link TcpStreamSocket} speaks TLS as a client: the name the server's certificate must be issued for
 * (host name or IP literal, RFC 6125 / RFC 2818 rules through the JDK's "HTTPS" endpoint identification) and the
 * JDK {@link SSLContext} whose trust managers decide which certificates count. Hostname verification is on unless a
 * caller turns it off explicitly.
 */
public record TlsClientSettings(String serverName, SSLContext context, boolean verifyHostname) {
    public TlsClientSettings {
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(context, "context");
    }

    /** The JDK's default trust store, hostname verification on. */
    public static TlsClientSettings systemTrust(String serverName) {
        try {
            return new TlsClientSettings(serverName, SSLContext.getDefault(), true);
        } catch (NoSuchAlgorithmException e) {
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
            return new TlsClientSettings(serverName, context, true);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store for " + certificate.getSubjectX500Principal(),
                    e);
        }
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
