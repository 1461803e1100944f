package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    @Test
    void generatesSelfSignedEcdsaP256Certificate() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        var x509 = certificate.x509Certificate();

        assertThat(x509.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize())
            .isEqualTo(256);
        assertThat(x509.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        assertThat(x509.getSubjectX500Principal().getName()).startsWith("CN=");
        assertThat(x509.getSerialNumber().signum()).isPositive();
        x509.verify(x509.getPublicKey());
        assertThat(certificate.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.tlsCertificateChain().getLength()).isEqualTo(1);
    }

    @Test
    void validFromADayAgoForThirtyDays() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        DtlsCertificate certificate = DtlsCertificate.generate(now);

        assertThat(certificate.x509Certificate().getNotBefore().toInstant()).isEqualTo(now.minus(Duration.ofDays(1)));
        assertThat(certificate.expires()).isEqualTo(now.minus(Duration.ofDays(1)).plus(Duration.ofDays(30)));
    }

    @Test
    void eachCertificateHasItsOwnKeySerialAndName() {
        DtlsCertificate first = DtlsCertificate.generate();
        DtlsCertificate second = DtlsCertificate.generate();

        assertThat(first.x509Certificate().getSerialNumber()).isNotEqualTo(second.x509Certificate().getSerialNumber());
        assertThat(first.x509Certificate().getSubjectX500Principal())
            .isNotEqualTo(second.x509Certificate().getSubjectX500Principal());
        assertThat(first.fingerprints().get(0)).isNotEqualTo(second.fingerprints().get(0));
    }

    @Test
    void sha256FingerprintIsTheHashOfTheDerAsUpperCaseHexPairs() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.generate();
        byte[] der = certificate.encoded();
        String expected = HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("SHA-256").digest(der))
            .toUpperCase(Locale.ROOT);

        DtlsFingerprint sha256 = certificate.fingerprints().get(0);

        assertThat(sha256.algorithm()).isEqualTo("sha-256");
        assertThat(sha256.value()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(certificate.fingerprints()).extracting(DtlsFingerprint::algorithm)
            .containsExactly("sha-256", "sha-384", "sha-512");
        assertThat(DtlsCertificate.fingerprint(der, "sha-256")).isEqualTo(sha256);
        assertThat(DtlsCertificate.fingerprint(certificate.tlsCertificateChain(), "sha-256")).isEqualTo(sha256);
        assertThat(certificate.toString()).contains(sha256.value());
    }

    @Test
    void wrapsAnExistingEcIdentityButNoOtherKeyType() throws Exception {
        DtlsCertificate generated = DtlsCertificate.generate();
        DtlsCertificate wrapped = DtlsCertificate.of(generated.privateKey(), generated.x509Certificate());
        assertThat(wrapped.fingerprints()).isEqualTo(generated.fingerprints());

        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        assertThatThrownBy(() -> DtlsCertificate.of(rsa.generateKeyPair().getPrivate(), generated.x509Certificate()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsCertificate.fingerprint(org.bouncycastle.tls.Certificate.EMPTY_CHAIN, "sha-256"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
