package io.jrtc.srtp;

import static io.jrtc.srtp.SrtpRoundTripTest.SSRC;
import static io.jrtc.srtp.SrtpRoundTripTest.protectRtcp;
import static io.jrtc.srtp.SrtpRoundTripTest.protectRtp;
import static io.jrtc.srtp.SrtpRoundTripTest.receiver;
import static io.jrtc.srtp.SrtpRoundTripTest.sender;
import static io.jrtc.srtp.SrtpRoundTripTest.unprotectRtcp;
import static io.jrtc.srtp.SrtpRoundTripTest.unprotectRtp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rollover counter tracking across sequence number wraps (RFC 3711 §3.3.1) and replay protection (§3.3.2). */
class SrtpIndexTrackingTest {

    private static Map<Integer, byte[]> protectAll(SrtpSender sender, int ssrc, int... sequenceNumbers)
            throws SrtpException {
        Map<Integer, byte[]> protectedBySequence = new LinkedHashMap<>();
        for (int sequenceNumber : sequenceNumbers) {
            byte[] plain = TestPackets.rtp(sequenceNumber, ssrc, TestPackets.payload(24, sequenceNumber));
            protectedBySequence.put(sequenceNumber, protectRtp(sender, plain));
        }
        return protectedBySequence;
    }

    private static void assertUnprotects(SrtpReceiver receiver, int ssrc, int sequenceNumber, byte[] srtp)
            throws SrtpException {
        assertThat(unprotectRtp(receiver, srtp)).as("seq %d", sequenceNumber)
                .isEqualTo(TestPackets.rtp(sequenceNumber, ssrc, TestPackets.payload(24, sequenceNumber)));
    }

    private static SrtpException.Reason reasonOf(ThrowingCall call) {
        try {
            call.run();
        } catch (SrtpException e) {
            return e.reason();
        }
        throw new AssertionError("expected an SrtpException");
    }

    private interface ThrowingCall {
        void run() throws SrtpException;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSamePacketTwiceIsReplayedAndPacketsBehindTheWindowAreTooOld(SrtpProfile profile) throws SrtpException {
        SrtpReceiver receiver = receiver(profile);
        int[] sequence = new int[200];
        for (int i = 0; i < sequence.length; i++) {
            sequence[i] = i + 1;
        }
        Map<Integer, byte[]> packets = protectAll(sender(profile), SSRC, sequence);
        for (Map.Entry<Integer, byte[]> packet : packets.entrySet()) {
            if (packet.getKey() != 100 && packet.getKey() != 73) {
                assertUnprotects(receiver, SSRC, packet.getKey(), packet.getValue());
            }
        }

        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(200)))).isEqualTo(SrtpException.Reason.REPLAYED);
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(150)))).isEqualTo(SrtpException.Reason.REPLAYED);
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(72)))).isEqualTo(SrtpException.Reason.TOO_OLD);
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(10)))).isEqualTo(SrtpException.Reason.TOO_OLD);
        assertUnprotects(receiver, SSRC, 100, packets.get(100));
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(100)))).isEqualTo(SrtpException.Reason.REPLAYED);
        assertUnprotects(receiver, SSRC, 73, packets.get(73));
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(73)))).isEqualTo(SrtpException.Reason.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderRefusesToProtectASequenceNumberTwice(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        protectAll(sender, SSRC, 5, 6);

        assertThat(reasonOf(() -> protectAll(sender, SSRC, 6))).isEqualTo(SrtpException.Reason.REPLAYED);
        assertThat(reasonOf(() -> protectAll(sender, SSRC, 5))).isEqualTo(SrtpException.Reason.REPLAYED);
        protectAll(sender, SSRC, 4);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void reorderingAcrossTheSequenceNumberWrapKeepsTheRolloverCounter(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        Map<Integer, byte[]> packets = protectAll(sender, SSRC, 65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3,
                4, 5, 6);
        int[] arrival = {65530, 65532, 0, 65531, 1, 65535, 3, 65533, 2, 65534, 5, 4, 6};

        for (int sequenceNumber : arrival) {
            assertUnprotects(receiver, SSRC, sequenceNumber, packets.get(sequenceNumber));
        }

        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(65533)))).isEqualTo(
                SrtpException.Reason.REPLAYED);
        assertThat(reasonOf(() -> unprotectRtp(receiver, packets.get(1)))).isEqualTo(SrtpException.Reason.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void severalWrapsWithGapsKeepBothSidesInStep(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        List<Integer> sent = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            sent.add(step * 1000 & 0xFFFF);
        }
        for (int sequenceNumber : sent) {
            byte[] plain = TestPackets.rtp(sequenceNumber, SSRC, TestPackets.payload(24, sequenceNumber));
            assertThat(unprotectRtp(receiver, protectRtp(sender, plain))).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aSenderThatStartsNearTheWrapIsFollowed(SrtpProfile profile) throws SrtpException {
        Map<Integer, byte[]> packets = protectAll(sender(profile), SSRC, 65535, 0, 1);
        SrtpReceiver receiver = receiver(profile);

        assertUnprotects(receiver, SSRC, 65535, packets.get(65535));
        assertUnprotects(receiver, SSRC, 1, packets.get(1));
        assertUnprotects(receiver, SSRC, 0, packets.get(0));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void eachSsrcHasItsOwnIndexSpace(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        int otherSsrc = 0xCAFEBABE;
        byte[] first = protectAll(sender, SSRC, 5).get(5);
        byte[] second = protectAll(sender, otherSsrc, 5).get(5);

        assertUnprotects(receiver, SSRC, 5, first);
        assertUnprotects(receiver, otherSsrc, 5, second);
        assertThat(receiver.streamCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void srtcpReplaysAndPacketsBehindTheWindowAreRefused(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        SrtpReceiver receiver = receiver(profile);
        byte[] plain = TestPackets.rtcp(SSRC);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            packets.add(protectRtcp(sender, plain));
        }

        assertThat(unprotectRtcp(receiver, packets.get(199))).isEqualTo(plain);
        assertThat(reasonOf(() -> unprotectRtcp(receiver, packets.get(199))))
                .isEqualTo(SrtpException.Reason.REPLAYED);
        assertThat(reasonOf(() -> unprotectRtcp(receiver, packets.get(0)))).isEqualTo(SrtpException.Reason.TOO_OLD);
        assertThat(unprotectRtcp(receiver, packets.get(72))).isEqualTo(plain);
        assertThat(reasonOf(() -> unprotectRtcp(receiver, packets.get(71)))).isEqualTo(SrtpException.Reason.TOO_OLD);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSrtcpIndexStopsAt2To31(SrtpProfile profile) throws SrtpException {
        SrtpSender sender = sender(profile);
        sender.setNextSrtcpIndex(SSRC, 0x7FFF_FFFF);
        SrtpReceiver receiver = receiver(profile);

        assertThat(unprotectRtcp(receiver, protectRtcp(sender, TestPackets.rtcp(SSRC))))
                .isEqualTo(TestPackets.rtcp(SSRC));
        assertThat(reasonOf(() -> protectRtcp(sender, TestPackets.rtcp(SSRC))))
                .isEqualTo(SrtpException.Reason.INDEX_EXHAUSTED);
    }
}
