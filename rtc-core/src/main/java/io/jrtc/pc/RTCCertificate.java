package io.jrtc.pc;

import io.jrtc.dtls.DtlsCertificate;
import io.jrtc.dtls.DtlsFingerprint;
import java.time.Instant;
import java.util.List;

/** A certificate and key for DTLS (W3C RTCCertificate): ECDSA P-256, self-signed. */
public final class RTCCertificate {
    private final DtlsCertificate certificate;

    private RTCCertificate(DtlsCertificate certificate) {
        this.certificate = certificate;
    }

    /** Creates a new ECDSA P-256 certificate valid for 30 days. */
    public static RTCCertificate generateCertificate() {
        return new RTCCertificate(DtlsCertificate.generate());
    }

    public Instant getExpires() {
        return certificate.expires();
    }

    public List<RTCDtlsFingerprint> getFingerprints() {
        return certificate.fingerprints().stream()
                .map(f -> new RTCDtlsFingerprint(f.algorithm(), f.value()))
                .toList();
    }

    DtlsCertificate dtls() {
        return certificate;
    }

    static List<DtlsFingerprint> toDtls(List<RTCDtlsFingerprint> fingerprints) {
        return fingerprints.stream().map(f -> new DtlsFingerprint(f.algorithm(), f.value())).toList();
    }
}
