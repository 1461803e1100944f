package io.jrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.dtls.DtlsRole;
import io.jrtc.dtls.SrtpKeyingMaterial;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protect then unprotect gives the packet back for every profile, and anything altered on the way is refused. */
class SrtpRoundTripTest {
    static final int SSRC = 0x11223344;

    static SrtpSender sender(SrtpProfile profile) {
        return new SrtpSender(profile, masterKey(profile), masterSalt(profile));
    }

    static SrtpReceiver receiver(SrtpProfile profile) {
        return new SrtpReceiver(profile, masterKey(profile), masterSalt(profile));
    }

    static byte[] masterKey(SrtpProfile profile) {
        return TestPackets.payload(profile.keyLength(), 7);
    }

    static byte[] masterSalt(SrtpProfile profile) {
        return TestPackets.payload(profile.saltLength(), 9);
    }

    /** Protects a copy of {@code plain} and returns exactly the SRTP bytes. */
    static byte[] protectRtp(SrtpSender sender, byte[] plain) throws SrtpException {
        byte[] buffer = TestPackets.withRoom(plain);
        return Arrays.copyOf(buffer, sender.protectRtp(buffer, plain.length));
    }

    static byte[] unprotectRtp(SrtpReceiver receiver, byte[] srtp) throws SrtpException {
        byte[] buffer = srtp.clone();
        return Arrays.copyOf(buffer, receiver.unprotectRtp(buffer, buffer.length));
    }

    static byte[] protectRtcp(SrtpSender sender, byte[] plain) throws SrtpException {
        byte[] buffer = TestPackets.withRoom(plain);
        return Arrays.copyOf(buffer, sender.protectRtcp(buffer, plain.length));
    }

    static byte[] unprotectRtcp(SrtpReceiver receiver, byte[] srtcp) throws SrtpException {
        byte[] buffer = srtcp.clone();
        return Arrays.copyOf(buffer, receiver.unprotectRtcp(buffer, buffer.length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpWithCsrcsHeaderExtensionAndPaddingRoundTrips(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        byte[] plain = TestPackets.rtp(4711, SSRC, 3, 2, 4, TestPackets.payload(100, 1));

        byte[] srtp = protectRtp(sender, plain);

        assertThat(srtp).hasSize(plain.length + profile.rtpOverhead());
        int header = 12 + 12 + 12;
        assertThat(Arrays.copyOf(srtp, header)).as("header stays clear").isEqualTo(Arrays.copyOf(plain, header));
        assertThat(Arrays.copyOfRange(srtp, header, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, header,
                plain.length));
        assertThat(unprotectRtp(receiver, srtp)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void emptyPayloadAndOffsetPacketsRoundTrip(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        byte[] plain = TestPackets.rtp(1, SSRC, new byte[0]);
        byte[] buffer = new byte[5 + plain.length + profile.rtpOverhead() + 3];
        System.arraycopy(plain, 0, buffer, 5, plain.length);

        int length = sender.protectRtp(buffer, 5, plain.length);
        int plainLength = receiver.unprotectRtp(buffer, 5, length);

        assertThat(Arrays.copyOfRange(buffer, 5, 5 + plainLength)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsEncryptedWithTheEFlagAndAnIncrementingIndex(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        byte[] plain = TestPackets.rtcp(SSRC);
        for (int i = 0; i < 3; i++) {
            byte[] srtcp = protectRtcp(sender, plain);

            assertThat(srtcp).hasSize(plain.length + 4 + profile.rtcpTagLength());
            int trailer = SrtpPacketFields.readU32(srtcp, profile.isAead() ? srtcp.length - 4 : plain.length);
            assertThat(SrtcpTrailer.isEncrypted(trailer)).isTrue();
            assertThat(SrtcpTrailer.index(trailer)).isEqualTo(i);
            assertThat(Arrays.copyOfRange(srtcp, 8, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 8,
                    plain.length));
            assertThat(unprotectRtcp(receiver, srtcp)).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void unencryptedSrtcpIsAuthenticatedAndAccepted(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        byte[] plain = TestPackets.rtcp(SSRC);
        byte[] buffer = TestPackets.withRoom(plain);
        byte[] srtcp = Arrays.copyOf(buffer, sender.protectRtcp(buffer, 0, plain.length, false));

        assertThat(Arrays.copyOf(srtcp, plain.length)).isEqualTo(plain);
        assertThat(unprotectRtcp(receiver(profile), srtcp)).isEqualTo(plain);
        srtcp[plain.length - 1] ^= 1;
        assertThatThrownBy(() -> unprotectRtcp(receiver(profile), srtcp)).isInstanceOf(SrtpException.class)
                .extracting("reason").isEqualTo(SrtpException.Reason.AUTH_FAILED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void flippingAnyByteIsRefusedAndLeavesTheReceiverUntouched(SrtpProfile profile) throws SrtpException {
        SrtpReceiver receiver = receiver(profile);
        byte[] plain = TestPackets.rtp(300, SSRC, 1, 1, 0, TestPackets.payload(40, 2));
        byte[] srtp = protectRtp(sender(profile), plain);
        int header = 12 + 4 + 8;
        for (int i = 0; i < srtp.length; i++) {
            byte[] tampered = srtp.clone();
            tampered[i] ^= 0x01;
            int at = i;
            assertThatThrownBy(() -> unprotectRtp(receiver, tampered)).isInstanceOf(SrtpException.class)
                    .extracting("reason").satisfies(reason -> assertThat(reason).as("byte %d", at).isIn(
                            at < header ? new Object[] {SrtpException.Reason.AUTH_FAILED,
                                SrtpException.Reason.MALFORMED} : new Object[] {SrtpException.Reason.AUTH_FAILED}));
        }
        assertThat(receiver.streamCount()).isZero();
        assertThat(unprotectRtp(receiver, srtp)).isEqualTo(plain);

        byte[] plainRtcp = TestPackets.rtcp(SSRC);
        byte[] srtcp = protectRtcp(sender(profile), plainRtcp);
        for (int i = 0; i < srtcp.length; i++) {
            byte[] tampered = srtcp.clone();
            tampered[i] ^= (byte) 0x80;
            assertThatThrownBy(() -> unprotectRtcp(receiver, tampered)).isInstanceOf(SrtpException.class)
                    .extracting("reason").isIn(SrtpException.Reason.AUTH_FAILED, SrtpException.Reason.MALFORMED);
        }
        assertThat(unprotectRtcp(receiver, srtcp)).isEqualTo(plainRtcp);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aReceiverWithAnotherKeyRefusesEverything(SrtpProfile profile) throws SrtpException {
        byte[] otherKey = masterKey(profile);
        otherKey[0] ^= 1;
        SrtpReceiver stranger = new SrtpReceiver(profile, otherKey, masterSalt(profile));
        SrtpSender sender = sender(profile);

        byte[] srtp = protectRtp(sender, TestPackets.rtp(9, SSRC, TestPackets.payload(20, 3)));
        byte[] srtcp = protectRtcp(sender, TestPackets.rtcp(SSRC));

        assertThatThrownBy(() -> unprotectRtp(stranger, srtp)).extracting("reason")
                .isEqualTo(SrtpException.Reason.AUTH_FAILED);
        assertThatThrownBy(() -> unprotectRtcp(stranger, srtcp)).extracting("reason")
                .isEqualTo(SrtpException.Reason.AUTH_FAILED);
    }

    @Test
    void aPeerCannotMakeTheReceiverKeepStateForEverMoreSsrcs() throws SrtpException {
        SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        for (int ssrc = 1; ssrc <= SrtpReceiver.MAX_STREAMS; ssrc++) {
            unprotectRtp(receiver, protectRtp(sender, TestPackets.rtp(1, ssrc, TestPackets.payload(8, ssrc))));
        }
        byte[] oneMore = protectRtp(sender, TestPackets.rtp(1, 0x7fff_0000, TestPackets.payload(8, 1)));
        assertThatThrownBy(() -> unprotectRtp(receiver, oneMore)).extracting("reason")
                .isEqualTo(SrtpException.Reason.TOO_MANY_STREAMS);
        // the streams it knows keep working
        byte[] known = protectRtp(sender, TestPackets.rtp(2, 7, TestPackets.payload(8, 2)));
        assertThat(unprotectRtp(receiver, known)).hasSize(TestPackets.rtp(2, 7, TestPackets.payload(8, 2)).length);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void dtlsKeyingMaterialPairsTheClientSenderWithTheServerReceiver(SrtpProfile profile) throws SrtpException {
        byte[] exported = TestPackets.payload(SrtpKeyingMaterial.exportLength(profile.id()), 5);
        SrtpKeyingMaterial client = SrtpKeyingMaterial.fromExported(profile.id(), exported, DtlsRole.CLIENT);
        SrtpKeyingMaterial server = SrtpKeyingMaterial.fromExported(profile.id(), exported, DtlsRole.SERVER);
        byte[] plain = TestPackets.rtp(77, SSRC, TestPackets.payload(30, 4));

        assertThat(unprotectRtp(SrtpReceiver.forKeyingMaterial(server),
                protectRtp(SrtpSender.forKeyingMaterial(client), plain))).isEqualTo(plain);
        assertThat(unprotectRtp(SrtpReceiver.forKeyingMaterial(client),
                protectRtp(SrtpSender.forKeyingMaterial(server), plain))).isEqualTo(plain);
        assertThatThrownBy(() -> unprotectRtp(SrtpReceiver.forKeyingMaterial(client),
                protectRtp(SrtpSender.forKeyingMaterial(client), plain))).extracting("reason")
                .isEqualTo(SrtpException.Reason.AUTH_FAILED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void misuseThrowsUncheckedExceptions(SrtpProfile profile) {
        byte[] plain = TestPackets.rtp(1, SSRC, TestPackets.payload(10, 1));
        assertThatThrownBy(() -> sender(profile).protectRtp(plain, plain.length))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> receiver(profile).unprotectRtp(plain, 1, plain.length))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new SrtpSender(profile, new byte[15], masterSalt(profile)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrtpProfile.fromId(0x0003)).isInstanceOf(IllegalArgumentException.class);
    }
}
