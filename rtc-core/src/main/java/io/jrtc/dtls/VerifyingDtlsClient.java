package io.jrtc.dtls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * A DTLS 1.2 client (RFC 6347) for a server known by name rather than by fingerprint: a TURN server reached with
 * {@code turns:...?transport=udp} (RFC 7065 §3, RFC 8656 §3.1). The server's chain goes to a
 * {@link ServerCertificateCheck}, which verifies it as a TLS client would; a rejected chain ends the handshake
 * with a bad_certificate alert that says why. Sends SNI for host names (RFC 6066 §3), presents no certificate of
 * its own, and requires the extended master secret (RFC 7627).
 */
final class VerifyingDtlsClient extends DefaultTlsClient {
    private final String serverName;
    private final ServerCertificateCheck check;
    private final DtlsConfig config;
    private final HandshakeOutcome outcome;

    VerifyingDtlsClient(String serverName, ServerCertificateCheck check, DtlsConfig config, HandshakeOutcome outcome) {
        super(DtlsCrypto.get());
        this.serverName = serverName;
        this.check = check;
        this.config = config;
        this.outcome = outcome;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsHandshakeParameters.CLIENT_SUITES);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Vector getSNIServerNames() {
        if (isIpLiteral(serverName)) {
            return null;  // RFC 6066 §3: literal addresses are not sent as server names
        }
        Vector names = new Vector();
        names.add(new ServerName(org.bouncycastle.tls.NameType.host_name,
                serverName.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                X509Certificate[] chain = toJdk(serverCertificate.getCertificate().getCertificateList());
                try {
                    check.check(chain, authType());
                } catch (CertificateException e) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate,
                            "certificate of " + serverName + " rejected: " + e.getMessage(), e);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return null;
            }
        };
    }

    /** The key exchange in the names JSSE trust managers take (they check the key usage against it). */
    private String authType() {
        int exchange = context.getSecurityParametersHandshake().getKeyExchangeAlgorithm();
        return switch (exchange) {
            case KeyExchangeAlgorithm.ECDHE_ECDSA -> "ECDHE_ECDSA";
            case KeyExchangeAlgorithm.ECDHE_RSA -> "ECDHE_RSA";
            case KeyExchangeAlgorithm.DHE_RSA -> "DHE_RSA";
            case KeyExchangeAlgorithm.RSA -> "RSA";
            default -> "UNKNOWN";
        };
    }

    private static X509Certificate[] toJdk(TlsCertificate[] certificates) throws IOException {
        if (certificates.length == 0) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "the server sent no certificate");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new java.util.ArrayList<>(certificates.length);
            for (TlsCertificate certificate : certificates) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(certificate.getEncoded())));
            }
            return chain.toArray(X509Certificate[]::new);
        } catch (CertificateException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "unreadable server certificate", e);
        }
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("[0-9.]+");
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return config.handshakeTimeoutMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return config.initialRetransmitMillis();
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        outcome.alertRaised(level, description, message, cause);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        outcome.alertReceived(level, description);
    }
}
