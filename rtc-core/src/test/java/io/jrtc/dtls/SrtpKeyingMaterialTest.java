package io.jrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpKeyingMaterialTest {

    /** 0x00, 0x01, ... so each byte names its offset in the exporter output. */
    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static byte[] range(int from, int to) {
        byte[] bytes = new byte[to - from];
        for (int i = from; i < to; i++) {
            bytes[i - from] = (byte) i;
        }
        return bytes;
    }

    @Test
    void splitsAes128CmLikeRfc5764Section4_2() {
        // client key [0,16), server key [16,32), client salt [32,46), server salt [46,60)
        byte[] exported = counting(60);

        SrtpKeyingMaterial client = SrtpKeyingMaterial.fromExported(0x0001, exported, DtlsRole.CLIENT);
        SrtpKeyingMaterial server = SrtpKeyingMaterial.fromExported(0x0001, exported, DtlsRole.SERVER);

        assertThat(client.localKey()).isEqualTo(range(0, 16));
        assertThat(client.remoteKey()).isEqualTo(range(16, 32));
        assertThat(client.localSalt()).isEqualTo(range(32, 46));
        assertThat(client.remoteSalt()).isEqualTo(range(46, 60));
        assertThat(server.localKey()).isEqualTo(client.remoteKey());
        assertThat(server.localSalt()).isEqualTo(client.remoteSalt());
        assertThat(server.remoteKey()).isEqualTo(client.localKey());
        assertThat(server.remoteSalt()).isEqualTo(client.localSalt());
    }

    @Test
    void splitsAeadAes128GcmWithTwelveByteSalts() {
        SrtpKeyingMaterial client = SrtpKeyingMaterial.fromExported(0x0007, counting(56), DtlsRole.CLIENT);

        assertThat(client.localKey()).isEqualTo(range(0, 16));
        assertThat(client.remoteKey()).isEqualTo(range(16, 32));
        assertThat(client.localSalt()).isEqualTo(range(32, 44));
        assertThat(client.remoteSalt()).isEqualTo(range(44, 56));
    }

    @Test
    void exportLengthsFollowTheProfiles() {
        assertThat(SrtpKeyingMaterial.exportLength(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80)).isEqualTo(60);
        assertThat(SrtpKeyingMaterial.exportLength(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_32)).isEqualTo(60);
        assertThat(SrtpKeyingMaterial.exportLength(SrtpProtectionProfile.AEAD_AES_128_GCM)).isEqualTo(56);
        assertThat(SrtpKeyingMaterial.exportLength(SrtpProtectionProfile.AEAD_AES_256_GCM)).isEqualTo(88);
        assertThatThrownBy(() -> SrtpKeyingMaterial.exportLength(0x0005)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpKeyingMaterial.fromExported(0x0001, new byte[56], DtlsRole.CLIENT))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(SrtpProtectionProfile.isKnown(0x0007)).isTrue();
        assertThat(SrtpProtectionProfile.isKnown(0x0005)).isFalse();
        assertThat(SrtpProtectionProfile.name(0x0005)).isEqualTo("0x0005");
    }

    @Test
    void valueSemanticsAndNoKeysInToString() {
        SrtpKeyingMaterial first = SrtpKeyingMaterial.fromExported(0x0001, counting(60), DtlsRole.CLIENT);
        SrtpKeyingMaterial second = SrtpKeyingMaterial.fromExported(0x0001, counting(60), DtlsRole.CLIENT);

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first).isNotEqualTo(SrtpKeyingMaterial.fromExported(0x0001, counting(60), DtlsRole.SERVER));
        assertThat(first.toString()).isEqualTo("SrtpKeyingMaterial[SRTP_AES128_CM_HMAC_SHA1_80]");
        first.localKey()[0] = 99;
        assertThat(first.localKey()[0]).isZero();
    }
}
