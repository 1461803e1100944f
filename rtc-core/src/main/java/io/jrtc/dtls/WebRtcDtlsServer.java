package io.jrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The "passive" side (RFC 8842 §5.1) as a BouncyCastle server: DTLS 1.2 only, extended master secret required,
 * ECDHE_ECDSA suites (our certificate is ECDSA), a certificate requested from the client and authenticated by
 * fingerprint, and one SRTP profile chosen from the client's use_srtp offer (RFC 5764 §4.1.1).
 */
final class WebRtcDtlsServer extends DefaultTlsServer {
    private final DtlsCertificate certificate;
    private final RemoteFingerprintVerifier verifier;
    private final DtlsConfig config;
    private final HandshakeOutcome outcome;
    private int srtpProfile;

    WebRtcDtlsServer(DtlsCertificate certificate, RemoteFingerprintVerifier verifier, DtlsConfig config,
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
        return TlsUtils.getSupportedCipherSuites(getCrypto(), DtlsHandshakeParameters.ECDSA_SUITES);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offer = clientExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        srtpProfile = DtlsHandshakeParameters.selectSrtpProfile(offer, config);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensions.orEmpty(super.getServerExtensions());
        if (srtpProfile != 0) {
            TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {srtpProfile}, DtlsHandshakeParameters.NO_MKI));
        }
        return extensions;
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        verifier.verify(clientCertificate, config.handshakeTimeoutMillis());
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return DtlsHandshakeParameters.ecdsaSigner(context, certificate,
            context.getSecurityParametersHandshake().getClientSigAlgs());
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
            outcome.srtp(DtlsHandshakeParameters.exportSrtp(context, srtpProfile, DtlsRole.SERVER));
        }
    }
}
