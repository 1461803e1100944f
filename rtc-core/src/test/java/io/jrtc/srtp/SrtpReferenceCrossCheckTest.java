package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where no published vector covers a case (ROC above 0, CSRCs and a header extension, SRTCP index above 0), the
 * expected bytes are computed here straight from the RFC formulas with plain JCE {@code AES/CTR}, {@code HmacSHA1} and
 * {@code AES/GCM}, independently of the package's counter mode, IV layout and ROC handling. The session keys come
 * from the key derivation that RFC 3711 B.3 pins.
 */
class SrtpReferenceCrossCheckTest {
    private static final int SSRC = 0x5501A0B2;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtpAfterTheSequenceWrapMatchesTheRfcFormulas(SrtpProfile profile) throws Exception {
        SrtpSender sender = SrtpRoundTripTest.sender(profile);
        SrtpRoundTripTest.protectRtp(sender, TestPackets.rtp(65535, SSRC, new byte[8]));
        byte[] plain = TestPackets.rtp(2, SSRC, 2, 3, 0, TestPackets.payload(57, 6));
        int headerLength = 12 + 8 + 16;
        long index = 1L << 16 | 2;

        byte[] actual = SrtpRoundTripTest.protectRtp(sender, plain);

        SrtpSessionKeys keys = derivation(profile).rtpKeys(profile);
        byte[] expected = profile.isAead()
                ? gcm(keys, plain, headerLength, index, Arrays.copyOf(plain, headerLength))
                : counterModeThenHmac(keys, plain, headerLength, index, profile.rtpTagLength(),
                        ByteBuffer.allocate(4).putInt((int) (index >>> 16)).array());
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpWithIndex5MatchesTheRfcFormulas(SrtpProfile profile) throws Exception {
        SrtpSender sender = SrtpRoundTripTest.sender(profile);
        byte[] plain = TestPackets.rtcp(SSRC);
        for (int i = 0; i < 5; i++) {
            SrtpRoundTripTest.protectRtcp(sender, plain);
        }

        byte[] actual = SrtpRoundTripTest.protectRtcp(sender, plain);

        SrtpSessionKeys keys = derivation(profile).rtcpKeys(profile);
        byte[] trailer = ByteBuffer.allocate(4).putInt(0x8000_0005).array();
        byte[] expected;
        if (profile.isAead()) {
            byte[] aad = concat(Arrays.copyOf(plain, 8), trailer);
            expected = concat(gcm(keys, plain, 8, 5, aad), trailer);
        } else {
            byte[] encrypted = counterModeThenHmac(keys, plain, 8, 5, 0, new byte[0]);
            byte[] authenticated = concat(encrypted, trailer);
            expected = concat(authenticated, Arrays.copyOf(hmac(keys, authenticated), profile.rtcpTagLength()));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static SrtpKeyDerivation derivation(SrtpProfile profile) {
        return new SrtpKeyDerivation(SrtpRoundTripTest.masterKey(profile), SrtpRoundTripTest.masterSalt(profile));
    }

    /** RFC 3711 §4.1.1 IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16); §4.2 tag over packet || ROC. */
    private static byte[] counterModeThenHmac(SrtpSessionKeys keys, byte[] plain, int clearPrefix, long index,
            int tagLength, byte[] rocSuffix) throws Exception {
        BigInteger iv = new BigInteger(1, keys.salt()).shiftLeft(16)
                .xor(BigInteger.valueOf(SSRC & 0xFFFFFFFFL).shiftLeft(64))
                .xor(BigInteger.valueOf(index).shiftLeft(16));
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.encryptionKey(), "AES"),
                new IvParameterSpec(fixedWidth(iv, 16)));
        byte[] packet = plain.clone();
        ctr.doFinal(plain, clearPrefix, plain.length - clearPrefix, packet, clearPrefix);
        byte[] tag = hmac(keys, concat(packet, rocSuffix));
        return concat(packet, Arrays.copyOf(tag, tagLength));
    }

    private static byte[] hmac(SrtpSessionKeys keys, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(keys.authKey(), "HmacSHA1"));
        return mac.doFinal(data);
    }

    /** RFC 7714 §8.1/§9.1 IV = salt XOR (0x0000 || SSRC || 48-bit index). */
    private static byte[] gcm(SrtpSessionKeys keys, byte[] plain, int clearPrefix, long index, byte[] aad)
            throws Exception {
        BigInteger iv = new BigInteger(1, keys.salt())
                .xor(BigInteger.valueOf(SSRC & 0xFFFFFFFFL).shiftLeft(48)).xor(BigInteger.valueOf(index));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.encryptionKey(), "AES"),
                new GCMParameterSpec(128, fixedWidth(iv, 12)));
        gcm.updateAAD(aad);
        byte[] sealed = gcm.doFinal(plain, clearPrefix, plain.length - clearPrefix);
        return concat(Arrays.copyOf(plain, clearPrefix), sealed);
    }

    private static byte[] fixedWidth(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
