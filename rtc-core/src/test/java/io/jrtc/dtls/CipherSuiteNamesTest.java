package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.Test;

/** The IANA descriptions W3C dtlsCipher reports, for every suite we offer or accept. */
class CipherSuiteNamesTest {
    @Test
    void everySuiteWeNegotiateHasItsRegistryDescription() {
        for (int suite : DtlsHandshakeParameters.CLIENT_SUITES) {
            assertThat(CipherSuiteNames.name(suite)).startsWith("TLS_ECDHE_").doesNotStartWith("0x");
        }
        assertThat(CipherSuiteNames.name(CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256))
                .isEqualTo("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void aSuiteWeDoNotNegotiateIsItsNumber() {
        assertThat(CipherSuiteNames.name(0x1301)).isEqualTo("0x1301");
    }
}
