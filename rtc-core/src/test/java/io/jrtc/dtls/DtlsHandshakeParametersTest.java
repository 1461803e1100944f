package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.junit.jupiter.api.Test;

class DtlsHandshakeParametersTest {
    private static final byte[] NO_MKI = new byte[0];

    @Test
    void serverPrefersGcmThenTheOtherProfilesTheClientOffered() {
        assertThat(DtlsHandshakeParameters.selectSrtpProfile(new UseSRTPData(new int[] {0x0001, 0x0007}, NO_MKI)))
            .isEqualTo(0x0007);
        assertThat(DtlsHandshakeParameters.selectSrtpProfile(new UseSRTPData(new int[] {0x0002, 0x0001}, NO_MKI)))
            .isEqualTo(0x0001);
        assertThat(DtlsHandshakeParameters.selectSrtpProfile(new UseSRTPData(new int[] {0x0005}, NO_MKI))).isZero();
        assertThat(DtlsHandshakeParameters.selectSrtpProfile(null)).isZero();
    }

    @Test
    void clientAcceptsOnlyOneOfferedProfileWithoutMki() throws IOException {
        assertThat(DtlsHandshakeParameters.acceptedSrtpProfile(new UseSRTPData(new int[] {0x0001}, NO_MKI)))
            .isEqualTo(0x0001);
        assertThat(DtlsHandshakeParameters.acceptedSrtpProfile(null)).isZero();
        for (UseSRTPData bad : new UseSRTPData[] {
            new UseSRTPData(new int[] {0x0001, 0x0007}, NO_MKI),
            new UseSRTPData(new int[] {0x0008}, NO_MKI),
            new UseSRTPData(new int[] {0x0001}, new byte[] {1})}) {
            assertThatThrownBy(() -> DtlsHandshakeParameters.acceptedSrtpProfile(bad))
                .isInstanceOf(TlsFatalAlert.class);
        }
    }

    @Test
    void offersTheProfilesInPreferenceOrder() {
        assertThat(DtlsHandshakeParameters.offeredSrtp().getProtectionProfiles())
            .containsExactly(0x0007, 0x0001, 0x0002);
    }

    @Test
    void cipherSuitesStartWithEcdsaAes128GcmAndTheJceSupportsThem() {
        assertThat(DtlsHandshakeParameters.CLIENT_SUITES[0])
            .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        assertThat(DtlsHandshakeParameters.ECDSA_SUITES[0])
            .isEqualTo(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        assertThat(TlsUtils.getSupportedCipherSuites(DtlsCrypto.get(), DtlsHandshakeParameters.CLIENT_SUITES))
            .containsExactly(DtlsHandshakeParameters.CLIENT_SUITES);
    }
}
