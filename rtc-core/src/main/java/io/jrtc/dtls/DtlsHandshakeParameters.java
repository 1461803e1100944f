package io.jrtc.dtls;

import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/** What both handshake sides share: cipher suites, the ECDSA signer, the use_srtp rules and the SRTP export. */
final class DtlsHandshakeParameters {
    /**
     * ECDHE with ECDSA certificates, AEAD first as browsers order them; CBC only as a last resort. Our own
     * certificate is ECDSA, so a server can only select these.
     */
    static final int[] ECDSA_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    /** A client also accepts servers with RSA certificates. */
    static final int[] CLIENT_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    };

    /** RFC 5764 §4.1.1: we never use an MKI. */
    static final byte[] NO_MKI = new byte[0];

    private DtlsHandshakeParameters() {
    }

    /** The use_srtp extension data a client offers (RFC 5764 §4.1.1): the configured profiles, in order. */
    static UseSRTPData offeredSrtp(DtlsConfig config) {
        return new UseSRTPData(config.srtpProfiles().stream().mapToInt(Integer::intValue).toArray(), NO_MKI);
    }

    /**
     * The server's choice: our most preferred profile that the client offered, or 0 when none is common, in which
     * case the server omits use_srtp (RFC 5764 §4.1.1).
     */
    static int selectSrtpProfile(UseSRTPData offered, DtlsConfig config) {
        if (offered == null) {
            return 0;
        }
        for (int ours : config.srtpProfiles()) {
            for (int theirs : offered.getProtectionProfiles()) {
                if (ours == theirs) {
                    return ours;
                }
            }
        }
        return 0;
    }

    /**
     * The client's check of the server's use_srtp answer: exactly one profile that we offered, and no MKI since we
     * sent none (RFC 5764 §4.1.1). Returns the profile, or 0 when the server did not answer use_srtp.
     */
    static int acceptedSrtpProfile(UseSRTPData answer, DtlsConfig config) throws IOException {
        if (answer == null) {
            return 0;
        }
        int[] profiles = answer.getProtectionProfiles();
        if (profiles.length != 1 || !config.srtpProfiles().contains(profiles[0]) || answer.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "bad use_srtp answer");
        }
        return profiles[0];
    }

    /** Exports the DTLS-SRTP keys; only valid from notifyHandshakeComplete (RFC 5764 §4.2). */
    static SrtpKeyingMaterial exportSrtp(TlsContext context, int profile, DtlsRole role) {
        byte[] exported = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null,
            SrtpKeyingMaterial.exportLength(profile));
        return SrtpKeyingMaterial.fromExported(profile, exported, role);
    }

    /**
     * Our ECDSA credentials, signing with the hash the peer prefers among those it lists for ECDSA; null when the
     * peer lists none.
     */
    static TlsCredentialedSigner ecdsaSigner(TlsContext context, DtlsCertificate certificate,
                                             Vector<?> peerSignatureAlgorithms) throws IOException {
        SignatureAndHashAlgorithm algorithm = TlsUtils.chooseSignatureAndHashAlgorithm(context,
            peerSignatureAlgorithms, SignatureAlgorithm.ecdsa);
        if (algorithm == null) {
            return null;
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), DtlsCrypto.get(),
            certificate.signingKey(), certificate.tlsCertificateChain(), algorithm);
    }
}
