package io.jrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;

/**
 * The "active" side (RFC 8842 §5.1) as a BouncyCastle client: DTLS 1.2 only, extended master secret required
 * (RFC 7627; also what keying material export needs), use_srtp offered (RFC 5764 §4.1.1), server authenticated by
 * fingerprint, and our certificate sent when the server asks (it always does in WebRTC).
 */
final class WebRtcDtlsClient extends DefaultTlsClient {
    private final DtlsCertificate certificate;
    private final RemoteFingerprintVerifier verifier;
    private final DtlsConfig config;
    private final HandshakeOutcome outcome;
    private int srtpProfile;

    WebRtcDtlsClient(DtlsCertificate certificate, RemoteFingerprintVerifier verifier, DtlsConfig config,
                     HandshakeOutcome outcome) {
        super(DtlsCrypto.get());
        this.certificate = certificate;
        this.verifier = verifier;
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
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensions.orEmpty(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, DtlsHandshakeParameters.offeredSrtp(config));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        srtpProfile = serverExtensions == null ? 0
            : DtlsHandshakeParameters.acceptedSrtpProfile(TlsSRTPUtils.getUseSRTPExtension(serverExtensions), config);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                verifier.verify(serverCertificate.getCertificate(), config.handshakeTimeoutMillis());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return DtlsHandshakeParameters.ecdsaSigner(context, certificate,
                    request.getSupportedSignatureAlgorithms());
            }
        };
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

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        outcome.negotiated(context.getSecurityParametersConnection());
        if (srtpProfile != 0) {
            outcome.srtp(DtlsHandshakeParameters.exportSrtp(context, srtpProfile, DtlsRole.CLIENT));
        }
    }
}
