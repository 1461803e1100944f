package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Known answers: RFC 3711 Appendix B.2 (AES-CM keystream) and B.3 (key derivation), the libsrtp reference packets for
 * AES_CM_128_HMAC_SHA1_80 under the B.3 master key (srtp_validate in libsrtp's srtp_driver), and the AEAD_AES_128_GCM
 * and AEAD_AES_256_GCM vectors of RFC 7714 §16 (SRTP) and §17 (SRTCP).
 */
class SrtpTestVectorsTest {
    static final byte[] B3_MASTER_KEY = Hex.bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    static final byte[] B3_MASTER_SALT = Hex.bytes("0EC675AD498AFEEBB6960B3AABE6");

    @Test
    void rfc3711B3DerivesCipherKeySaltAndAuthKey() {
        SrtpKeyDerivation derivation = new SrtpKeyDerivation(B3_MASTER_KEY, B3_MASTER_SALT);

        assertThat(derivation.derive(SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16))
                .isEqualTo(Hex.bytes("C61E7A93744F39EE10734AFE3FF7A087"));
        assertThat(derivation.derive(SrtpKeyDerivation.LABEL_RTP_SALT, 14))
                .isEqualTo(Hex.bytes("30CBBC08863D8C85D49DB34A9AE1"));
        assertThat(derivation.derive(SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION, 94)).isEqualTo(Hex.bytes("""
                CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2"""));
    }

    @Test
    void rfc3711B2KeystreamEncryptsAZeroPayload() throws SrtpException {
        byte[] sessionKey = Hex.bytes("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] sessionSalt = Hex.bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
        SrtpSessionKeys keys = new SrtpSessionKeys(sessionKey, sessionSalt, new byte[20]);
        SrtpSender sender = new SrtpSender(SrtpProfile.AES128_CM_HMAC_SHA1_80,
                SrtpTransform.fromSessionKeys(SrtpProfile.AES128_CM_HMAC_SHA1_80, keys, keys));
        int keystreamLength = 1_044_512;
        byte[] packet = new byte[12 + keystreamLength + 10];
        packet[0] = (byte) 0x80; // version 2; sequence number, SSRC and ROC all zero as in B.2

        sender.protectRtp(packet, 12 + keystreamLength);

        assertThat(Hex.of(packet, 12, 48)).isEqualToIgnoringCase("E03EAD0935C95E80E166B16DD92B4EB4"
                + "D23513162B02D0F72A43A2FE4A5F97AB" + "41E95B3BB0A2E8DD477901E4FCA894C0");
        assertThat(Hex.of(packet, 12 + keystreamLength - 48, 48)).isEqualToIgnoringCase(
                "EC8CDF7398607CB0F2D21675EA9EA1E4" + "362B7C3C6773516318A077D7FC5073AE"
                        + "6A2CC3787889374FBEB4C81B17BA6C44");
    }

    static final byte[] LIBSRTP_RTP = Hex.bytes("800f1234decafbadcafebabe abababababababababababababababab");
    static final byte[] LIBSRTP_SRTP_80 = Hex.bytes("800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402"
            + "b78d6acc99ea179b8dbb");
    static final byte[] LIBSRTP_RTCP = Hex.bytes("81c8000bcafebabe abababababababababababababababab");
    /** libsrtp numbers SRTCP from 1, so its first packet carries index 1 with the E flag: 80000001. */
    static final byte[] LIBSRTP_SRTCP = Hex.bytes("81c8000bcafebabe 7128035be487b9bdbef89041f977a5a8 80000001"
            + "993e08cd54d6c1230798");

    @Test
    void libsrtpReferenceSrtpPacketUnderTheB3MasterKey() throws SrtpException {
        SrtpSender sender = new SrtpSender(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_MASTER_KEY, B3_MASTER_SALT);
        byte[] buffer = Arrays.copyOf(LIBSRTP_RTP, 64);

        int length = sender.protectRtp(buffer, LIBSRTP_RTP.length);

        assertThat(Arrays.copyOf(buffer, length)).isEqualTo(LIBSRTP_SRTP_80);
        SrtpReceiver receiver = new SrtpReceiver(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_MASTER_KEY, B3_MASTER_SALT);
        assertThat(Arrays.copyOf(buffer, receiver.unprotectRtp(buffer, length))).isEqualTo(LIBSRTP_RTP);
    }

    @Test
    void the32BitProfileTruncatesTheSameSrtpTagAndKeepsTheSrtcpTagAt80Bits() throws SrtpException {
        SrtpSender sender = new SrtpSender(SrtpProfile.AES128_CM_HMAC_SHA1_32, B3_MASTER_KEY, B3_MASTER_SALT);
        byte[] rtp = Arrays.copyOf(LIBSRTP_RTP, 64);
        byte[] rtcp = Arrays.copyOf(LIBSRTP_RTCP, 64);
        sender.setNextSrtcpIndex(0xcafebabe, 1);

        int rtpLength = sender.protectRtp(rtp, LIBSRTP_RTP.length);
        int rtcpLength = sender.protectRtcp(rtcp, LIBSRTP_RTCP.length);

        assertThat(Arrays.copyOf(rtp, rtpLength)).isEqualTo(Arrays.copyOf(LIBSRTP_SRTP_80, LIBSRTP_RTP.length + 4));
        assertThat(Arrays.copyOf(rtcp, rtcpLength)).isEqualTo(LIBSRTP_SRTCP);
    }

    @Test
    void libsrtpReferenceSrtcpPacketUnderTheB3MasterKey() throws SrtpException {
        SrtpSender sender = new SrtpSender(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_MASTER_KEY, B3_MASTER_SALT);
        sender.setNextSrtcpIndex(0xcafebabe, 1);
        byte[] buffer = Arrays.copyOf(LIBSRTP_RTCP, 64);

        int length = sender.protectRtcp(buffer, LIBSRTP_RTCP.length);

        assertThat(Arrays.copyOf(buffer, length)).isEqualTo(LIBSRTP_SRTCP);
        SrtpReceiver receiver = new SrtpReceiver(SrtpProfile.AES128_CM_HMAC_SHA1_80, B3_MASTER_KEY, B3_MASTER_SALT);
        assertThat(Arrays.copyOf(buffer, receiver.unprotectRtcp(buffer, length))).isEqualTo(LIBSRTP_RTCP);
    }

    static final byte[] RFC7714_KEY_128 = Hex.bytes("000102030405060708090a0b0c0d0e0f");
    static final byte[] RFC7714_KEY_256 = Hex.bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final byte[] RFC7714_SALT = Hex.bytes("517569642070726f2071756f");
    static final byte[] RFC7714_RTP = Hex.bytes("""
            8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976
            69736120 696e2070 61727465 73207472 6573""");
    static final byte[] RFC7714_RTCP = Hex.bytes("""
            81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef deadbeef""");
    static final int RFC7714_SRTCP_INDEX = 0x5d4;

    @Test
    void rfc7714Section16AeadAes128GcmSrtp() throws SrtpException {
        checkGcmRtp(SrtpProfile.AEAD_AES_128_GCM, RFC7714_KEY_128, Hex.bytes("""
                8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5
                0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1 6a9152cf 765ee439 0cce"""));
    }

    @Test
    void rfc7714Section16AeadAes256GcmSrtp() throws SrtpException {
        checkGcmRtp(SrtpProfile.AEAD_AES_256_GCM, RFC7714_KEY_256, Hex.bytes("""
                8040f17b 8041f8d3 5501a0b2 32b1de78 a822fe12 ef9f78fa 332e33aa b1801238
                9a58e2f3 b50b2a02 76ffae0f 1ba63799 b87b7aa3 db36dfff d6b0f9bb 7878d7a7 6c13"""));
    }

    @Test
    void rfc7714Section17AeadAes128GcmSrtcp() throws SrtpException {
        checkGcmRtcp(SrtpProfile.AEAD_AES_128_GCM, RFC7714_KEY_128, Hex.bytes("""
                81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d
                c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458 96cf4d2f c5abf872
                45d9eade 800005d4"""));
    }

    @Test
    void rfc7714Section17AeadAes256GcmSrtcp() throws SrtpException {
        checkGcmRtcp(SrtpProfile.AEAD_AES_256_GCM, RFC7714_KEY_256, Hex.bytes("""
                81c8000d 4d617273 d50ae4d1 f5ce5d30 4ba297e4 7d470c28 2c3ece5d bffe0a50
                a2eaa5c1 110555be 8415f658 c61de047 6f1b6fad 1d1eb30c 4446839f 57ff6f6c
                b26ac3be 800005d4"""));
    }

    /** The RFC 7714 vectors give session keys, not master keys: the same key and salt serve SRTP and SRTCP. */
    private static SrtpTransform sessionKeyTransform(SrtpProfile profile, byte[] key) {
        SrtpSessionKeys keys = new SrtpSessionKeys(key, RFC7714_SALT, new byte[0]);
        return SrtpTransform.fromSessionKeys(profile, keys, keys);
    }

    private static void checkGcmRtp(SrtpProfile profile, byte[] key, byte[] expected) throws SrtpException {
        byte[] buffer = Arrays.copyOf(RFC7714_RTP, 128);
        int length = new SrtpSender(profile, sessionKeyTransform(profile, key)).protectRtp(buffer, RFC7714_RTP.length);
        assertThat(Arrays.copyOf(buffer, length)).isEqualTo(expected);

        SrtpReceiver receiver = new SrtpReceiver(profile, sessionKeyTransform(profile, key));
        byte[] received = expected.clone();
        assertThat(Arrays.copyOf(received, receiver.unprotectRtp(received, received.length))).isEqualTo(RFC7714_RTP);
    }

    private static void checkGcmRtcp(SrtpProfile profile, byte[] key, byte[] expected) throws SrtpException {
        SrtpSender sender = new SrtpSender(profile, sessionKeyTransform(profile, key));
        sender.setNextSrtcpIndex(0x4d617273, RFC7714_SRTCP_INDEX);
        byte[] buffer = Arrays.copyOf(RFC7714_RTCP, 128);
        int length = sender.protectRtcp(buffer, RFC7714_RTCP.length);
        assertThat(Arrays.copyOf(buffer, length)).isEqualTo(expected);

        SrtpReceiver receiver = new SrtpReceiver(profile, sessionKeyTransform(profile, key));
        byte[] received = expected.clone();
        assertThat(Arrays.copyOf(received, receiver.unprotectRtcp(received, received.length))).isEqualTo(RFC7714_RTCP);
    }
}
