package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sender's packet history for NACKs (RFC 4585 §6.2.1) and RTX wrapping (RFC 4588 §4). */
class RetransmissionBufferTest {
    private static final long MS = 1_000_000L;
    private static final int MEDIA_SSRC = 0x1111_2222;
    private static final int RTX_SSRC = 0x3333_4444;

    static byte[] packet(int seq, int payloadType, int payloadLength) {
        byte[] payload = new byte[payloadLength];
        for (int i = 0; i < payloadLength; i++) {
            payload[i] = (byte) (seq + i);
        }
        RtpHeaderWriter writer = new RtpHeaderWriter().payloadType(payloadType).sequenceNumber(seq)
                .timestamp(0x0102_0304).ssrc(MEDIA_SSRC).marker(true).addCsrc(0x0A0B_0C0D)
                .addExtension(3, 0x1234, 2);
        byte[] out = new byte[writer.packetLength(payloadLength, 0)];
        writer.write(out, 0, payload, 0, payloadLength, 0);
        return out;
    }

    @Test
    void answersANackWithThePacketsStillHeld() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(4, Duration.ofSeconds(1));
        for (int seq = 65533; seq <= 65533 + 5; seq++) {
            byte[] p = packet(seq & 0xFFFF, 96, 10);
            buffer.handleSent(0, p, 0, p.length);
        }
        // Sent 65533..65535, 0..2; the last 4 are 65535, 0, 1, 2.
        assertThat(buffer.holds(0, 65534)).isFalse();
        assertThat(buffer.holds(0, 65535)).isTrue();
        assertThat(buffer.holds(0, 3)).isFalse();
        GenericNack nack = GenericNack.ofLost(1, MEDIA_SSRC, new int[] {65533, 65534, 65535, 0, 2, 2});
        List<byte[]> resent = buffer.packetsFor(0, nack, 0);
        assertThat(resent).containsExactly(packet(65535, 96, 10), packet(0, 96, 10), packet(2, 96, 10));
    }

    @Test
    void aSequenceNumberNamedManyTimesInOneNackIsResentOnce() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(64, Duration.ofSeconds(1));
        for (int seq = 0; seq < 40; seq++) {
            byte[] p = packet(seq, 96, 10);
            buffer.handleSent(0, p, 0, p.length);
        }
        // 5 as a PID, again in the BLP of 3 and of 4, and far later as a PID again; 39 twice at the end.
        GenericNack nack = new GenericNack(1, MEDIA_SSRC, List.of(new GenericNack.Item(5, 0),
                new GenericNack.Item(3, 0b10), new GenericNack.Item(4, 0b1), new GenericNack.Item(39, 0),
                new GenericNack.Item(5, 0), new GenericNack.Item(39, 0)));
        assertThat(buffer.packetsFor(0, nack, 0)).containsExactly(packet(5, 96, 10), packet(3, 96, 10),
                packet(4, 96, 10), packet(39, 96, 10));
    }

    @Test
    void aPacketIsResentAtMostOncePerInterval() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(64, Duration.ofSeconds(1));
        byte[] p = packet(7, 96, 10);
        buffer.handleSent(0, p, 0, p.length);
        GenericNack nack = GenericNack.ofLost(1, MEDIA_SSRC, new int[] {7});
        assertThat(buffer.packetsFor(10 * MS, nack, 50 * MS)).hasSize(1);   // never resent: goes at once
        assertThat(buffer.packetsFor(20 * MS, nack, 50 * MS)).isEmpty();
        assertThat(buffer.packetsFor(59 * MS, nack, 50 * MS)).isEmpty();
        assertThat(buffer.packetsFor(60 * MS, nack, 50 * MS)).hasSize(1);    // a round trip later
        assertThat(buffer.resendsTooSoon()).isEqualTo(2);
        buffer.handleSent(61 * MS, p, 0, p.length);                         // the slot's packet sent anew
        assertThat(buffer.packetsFor(62 * MS, nack, 50 * MS)).hasSize(1);
    }

    @Test
    void resentBytesStayWithinTheBudgetThatMediaFills() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(64, Duration.ofSeconds(1), 0.5);
        byte[] p = packet(0, 96, 100);
        int resendCost = p.length + RtxEncoder.ORIGINAL_SEQUENCE_NUMBER_LENGTH;
        for (int seq = 0; seq < 4; seq++) {
            byte[] media = packet(seq, 96, 100);
            buffer.handleSent(0, media, 0, media.length);
        }
        // 4 packets sent fill half their bytes: 2 resends, minus the RTX overhead, so 1.
        GenericNack all = GenericNack.ofLost(1, MEDIA_SSRC, new int[] {0, 1, 2, 3});
        assertThat(buffer.packetsFor(0, all, 0)).containsExactly(packet(0, 96, 100));
        assertThat(buffer.resendsOverBudget()).isEqualTo(3);
        assertThat(buffer.budget().bytesResent()).isEqualTo(resendCost);
        byte[] next = packet(4, 96, 100);
        buffer.handleSent(0, next, 0, next.length);
        assertThat(buffer.packetsFor(0, all, MS)).containsExactly(packet(1, 96, 100));   // 0 went just now
        assertThat(new RetransmissionBuffer(64, Duration.ofSeconds(1), 0).packetsFor(0, all, 0)).isEmpty();
        assertThatThrownBy(() -> new RetransmissionBudget(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetransmissionBudget(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aQuietStreamSavesUpNoMoreThanItsHistory() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(2, Duration.ofSeconds(1), 1.0);
        for (int seq = 0; seq < 100; seq++) {
            byte[] media = packet(seq, 96, 100);
            buffer.handleSent(0, media, 0, media.length);
        }
        // 100 packets sent, 2 held: the bucket holds 2 packets' worth, so the two resends cost more than that.
        GenericNack held = GenericNack.ofLost(1, MEDIA_SSRC, new int[] {98, 99});
        assertThat(buffer.packetsFor(0, held, 0)).containsExactly(packet(98, 96, 100));
    }

    @Test
    void packetsOlderThanTheMaxAgeAreNoLongerHeld() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(100, Duration.ofMillis(500));
        byte[] first = packet(7, 96, 3);
        byte[] second = packet(8, 96, 3);
        buffer.handleSent(0, first, 0, first.length);
        buffer.handleSent(300 * MS, second, 0, second.length);
        assertThat(buffer.packet(500 * MS, 7)).isEqualTo(first);
        assertThat(buffer.packet(500 * MS + 1, 7)).isNull();
        assertThat(buffer.packet(500 * MS + 1, 8)).isEqualTo(second);
        assertThat(buffer.packet(0, 9)).isNull();
    }

    @Test
    void aLongRoundTripKeepsPacketsForThreeOfThemButNoLessThanTheMaxAge() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(100, Duration.ofMillis(500));
        byte[] first = packet(7, 96, 3);
        buffer.handleSent(0, first, 0, first.length);
        buffer.handleRoundTripTime(400 * MS);
        assertThat(buffer.heldFor()).isEqualTo(1200 * MS);
        assertThat(buffer.packet(1200 * MS, 7)).isEqualTo(first);
        assertThat(buffer.packet(1200 * MS + 1, 7)).isNull();

        buffer.handleRoundTripTime(50 * MS);
        assertThat(buffer.heldFor()).isEqualTo(500 * MS);
        buffer.handleRoundTripTime(-1);
        assertThat(buffer.heldFor()).as("an unknown round trip changes nothing").isEqualTo(500 * MS);
        buffer.handleRoundTripTime(Long.MAX_VALUE);
        assertThat(buffer.heldFor()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLongRoundTripDoesNotHoldMoreThanTheCapacity() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(4, Duration.ofMillis(500));
        buffer.handleRoundTripTime(10_000 * MS);
        for (int seq = 0; seq < 10; seq++) {
            byte[] p = packet(seq, 96, 3);
            buffer.handleSent(seq * MS, p, 0, p.length);
        }
        assertThat(buffer.packet(10 * MS, 5)).isNull();
        assertThat(buffer.packet(10 * MS, 6)).isNotNull();
    }

    @Test
    void slotsAreReusedForLargerAndSmallerPackets() {
        RetransmissionBuffer buffer = new RetransmissionBuffer(2, Duration.ofSeconds(1));
        byte[] small = packet(0, 96, 2);
        byte[] large = packet(2, 96, 1000);
        byte[] smallAgain = packet(4, 96, 1);
        buffer.handleSent(0, small, 0, small.length);
        buffer.handleSent(0, large, 0, large.length);
        assertThat(buffer.packet(0, 2)).isEqualTo(large);
        buffer.handleSent(0, smallAgain, 0, smallAgain.length);
        assertThat(buffer.packet(0, 4)).isEqualTo(smallAgain);
        assertThat(buffer.packet(0, 2)).isNull();   // two behind the newest with capacity 2
        assertThatThrownBy(() -> buffer.handleSent(0, new byte[5], 0, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rtxWrapsWithOwnSsrcPayloadTypeAndSequenceNumbersAndUnwrapsToTheOriginal() throws RtpParseException {
        RtxEncoder encoder = new RtxEncoder(RTX_SSRC, Map.of(96, 97), 65535);
        RtxDecoder decoder = new RtxDecoder(MEDIA_SSRC, Map.of(97, 96));
        byte[] original = packet(4242, 96, 20);

        byte[] rtx = encoder.wrap(original, 0, original.length);
        RtpHeader header = RtpHeader.parse(rtx, 0, rtx.length);
        assertThat(header.payloadType()).isEqualTo(97);
        assertThat(header.ssrc()).isEqualTo(RTX_SSRC);
        assertThat(header.sequenceNumber()).isEqualTo(65535);
        assertThat(header.timestamp()).isEqualTo(0x0102_0304);
        assertThat(header.marker()).isTrue();
        assertThat(header.csrc(0)).isEqualTo(0x0A0B_0C0D);
        assertThat(header.payloadLength()).isEqualTo(22);
        assertThat(Hex.of(rtx, header.payloadOffset(), 2)).isEqualTo("1092");   // 4242 = 0x1092
        assertThat(encoder.nextSequenceNumber()).isZero();
        assertThat(decoder.unwrap(rtx, 0, rtx.length)).isEqualTo(original);

        byte[] second = packet(4243, 96, 1);
        byte[] next = encoder.wrap(second, 0, second.length);
        assertThat(RtpHeader.parse(next, 0, next.length).sequenceNumber()).isZero();
    }

    @Test
    void rtxDropsThePaddingOfTheOriginal() throws RtpParseException {
        RtpHeaderWriter writer = new RtpHeaderWriter().payloadType(96).sequenceNumber(9).ssrc(MEDIA_SSRC);
        byte[] padded = new byte[writer.packetLength(3, 4)];
        writer.write(padded, 0, new byte[] {1, 2, 3}, 0, 3, 4);
        byte[] rtx = new RtxEncoder(RTX_SSRC, Map.of(96, 97), 0).wrap(padded, 0, padded.length);
        assertThat(rtx).hasSize(12 + 2 + 3);
        byte[] restored = new RtxDecoder(MEDIA_SSRC, Map.of(97, 96)).unwrap(rtx, 0, rtx.length);
        RtpHeader header = RtpHeader.parse(restored, 0, restored.length);
        assertThat(header.sequenceNumber()).isEqualTo(9);
        assertThat(header.payloadLength()).isEqualTo(3);
        assertThat(header.padding()).isFalse();
    }

    @Test
    void theDecoderDropsWhatIsNotRtxOfItsStream() {
        RtxDecoder decoder = new RtxDecoder(MEDIA_SSRC, Map.of(97, 96));
        byte[] media = packet(1, 96, 4);
        assertThat(decoder.unwrap(media, 0, media.length)).isNull();
        RtpHeaderWriter writer = new RtpHeaderWriter().payloadType(97).sequenceNumber(1).ssrc(RTX_SSRC);
        byte[] probe = new byte[writer.packetLength(1, 0)];
        writer.write(probe, 0, new byte[] {0}, 0, 1, 0);
        assertThat(decoder.unwrap(probe, 0, probe.length)).isNull();
        assertThat(decoder.unwrap(new byte[3], 0, 3)).isNull();
        assertThat(decoder.packetsDropped()).isEqualTo(3);
        assertThatThrownBy(() -> new RtxEncoder(RTX_SSRC, Map.of(100, 101), 0).wrap(media, 0, media.length))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
