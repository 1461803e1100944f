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
        DtlsConfig config = DtlsConfig.DEFAULT;
        assertThat(select(config, 0x0001, 0x0007)).isEqualTo(0x0007);
        assertThat(select(config, 0x0001, 0x0007, 0x0008)).isEqualTo(0x0008);
        assertThat(select(config, 0x0002, 0x0001)).isEqualTo(0x0001);
        assertThat(select(config, 0x0005)).isZero();
        assertThat(DtlsHandshakeParameters.selectSrtpProfile(null, config)).isZero();
        DtlsConfig hmacOnly = config.withSrtpProfiles(java.util.List.of(0x0001));
        assertThat(select(hmacOnly, 0x0008, 0x0007, 0x0001)).isEqualTo(0x0001);
        assertThat(select(hmacOnly, 0x0008)).isZero();
    }

    @Test
    void clientAcceptsOnlyOneOfferedProfileWithoutMki() throws IOException {
        DtlsConfig config = DtlsConfig.DEFAULT.withSrtpProfiles(java.util.List.of(0x0007, 0x0001));
        assertThat(DtlsHandshakeParameters.acceptedSrtpProfile(new UseSRTPData(new int[] {0x0001}, NO_MKI), config))
            .isEqualTo(0x0001);
        assertThat(DtlsHandshakeParameters.acceptedSrtpProfile(null, config)).isZero();
        for (UseSRTPData bad : new UseSRTPData[] {
            new UseSRTPData(new int[] {0x0001, 0x0007}, NO_MKI),
            new UseSRTPData(new int[] {0x0008}, NO_MKI),
            new UseSRTPData(new int[] {0x0001}, new byte[] {1})}) {
            assertThatThrownBy(() -> DtlsHandshakeParameters.acceptedSrtpProfile(bad, config))
                .isInstanceOf(TlsFatalAlert.class);
        }
    }

    @Test
    void offersAllFourProfilesGcmFirstByDefault() {
        assertThat(DtlsHandshakeParameters.offeredSrtp(DtlsConfig.DEFAULT).getProtectionProfiles())
            .containsExactly(0x0008, 0x0007, 0x0001, 0x0002);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withSrtpProfiles(java.util.List.of()))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DtlsConfig.DEFAULT.withSrtpProfiles(java.util.List.of(0x0005)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(SrtpProtectionProfile.forName("srtp_aead_aes_256_gcm")).isEqualTo(0x0008);
        assertThatThrownBy(() -> SrtpProtectionProfile.forName("SRTP_NULL_SHA1_80"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SRTP_AEAD_AES_128_GCM");
    }

    private static int select(DtlsConfig config, int... offered) {
        return DtlsHandshakeParameters.selectSrtpProfile(new UseSRTPData(offered, NO_MKI), config);
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
