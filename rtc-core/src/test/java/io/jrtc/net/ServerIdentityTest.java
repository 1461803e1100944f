package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.turn.SelfSignedCertificate;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name checks of RFC 6125 §6.4 and RFC 2818 §3.1, as the JDK's HTTPS endpoint identification applies them. */
class ServerIdentityTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} against {1}: {2}")
    @CsvSource({
        "turn.example.org, turn.example.org, true",
        "turn.example.org, *.example.org, true",
        "a.turn.example.org, *.example.org, false",
        "example.org, *.example.org, false",
        "turn.example.org, *.org, false",
        "turn.example.org, t*.example.org, false",
        "turn.example.org, other.example.org, false"})
    void rfc6125Section6_4_3WildcardsStandForExactlyOneLeftmostLabel(String host, String pattern, boolean match) {
        assertThat(ServerIdentity.matches(host, pattern)).isEqualTo(match);
    }

    @Test
    void anIpLiteralMustBeAnIpAddressSubjectAltName() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(dir, "127.0.0.1");

        assertThatCode(() -> ServerIdentity.check("127.0.0.1", certificate)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ServerIdentity.check("127.0.0.2", certificate))
                .isInstanceOf(CertificateException.class).hasMessageContaining("matches 127.0.0.2");
        assertThatThrownBy(() -> ServerIdentity.check("localhost", certificate))
                .isInstanceOf(CertificateException.class).hasMessageContaining("is not for localhost");
    }

    @Test
    void checkServerTrustedVerifiesTheChainAndThenTheName() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.create(dir, "127.0.0.1");
        X509Certificate[] chain = {certificate};

        assertThatCode(() -> TlsClientSettings.trusting("127.0.0.1", certificate)
                .checkServerTrusted(chain, "ECDHE_ECDSA")).doesNotThrowAnyException();
        assertThatThrownBy(() -> TlsClientSettings.trusting("127.0.0.9", certificate)
                .checkServerTrusted(chain, "ECDHE_ECDSA")).isInstanceOf(CertificateException.class);
        assertThatThrownBy(() -> TlsClientSettings.systemTrust("127.0.0.1").checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }
}
