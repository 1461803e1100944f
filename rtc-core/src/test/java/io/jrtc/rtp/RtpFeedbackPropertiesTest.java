package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random arrival orders (loss, duplicates, reordering, around the 16-bit wrap) never make the statistics or the
 * NACK generator throw or report impossible values; RTX unwrapping never throws on random bytes.
 */
class RtpFeedbackPropertiesTest {
    private static final long MS = 1_000_000L;

    /** Offsets from a start sequence number: mostly ascending with loss, duplicates and local shuffles. */
    @Provide
    Arbitrary<List<Integer>> arrivals() {
        return Arbitraries.integers().between(-40, 200).list().ofMinSize(1).ofMaxSize(300).map(jumps -> {
            List<Integer> offsets = new ArrayList<>();
            int at = 0;
            for (int jump : jumps) {
                at += jump >= 0 && jump < 150 ? 1 : jump < 0 ? jump : jump - 150;
                offsets.add(at);
            }
            return offsets;
        });
    }

    @Property(tries = 300)
    void receiveStatisticsStayWithinTheirFields(@ForAll("arrivals") List<Integer> offsets,
                                                @ForAll @IntRange(min = 0, max = 65535) int start,
                                                @ForAll @IntRange(min = 1, max = 3) int minSequential) {
        ReceiveStatistics stats = new ReceiveStatistics(1, 90_000, minSequential);
        long now = 0;
        int i = 0;
        for (int offset : offsets) {
            now += (offset * 7919L % 30) * MS;
            stats.handlePacket(now, start + offset, offset * 3000);
            assertThat(stats.packetsExpected()).isNotNegative();
            assertThat(stats.packetsReceived()).isNotNegative();
            assertThat(stats.jitter()).isNotNegative();
            if (stats.valid() && i++ % 17 == 0) {
                ReportBlock block = stats.reportBlock(now);
                assertThat(block.fractionLost()).isBetween(0, 255);
                assertThat(block.extendedHighestSequenceNumber() & 0xFFFF_FFFFL)
                        .isGreaterThanOrEqualTo(stats.packetsExpected() - 1);
            }
        }
    }

    @Property(tries = 300)
    void nacksNeverAskForPacketsAlreadyReceived(@ForAll("arrivals") List<Integer> offsets,
                                                @ForAll @IntRange(min = 0, max = 65535) int start,
                                                @ForAll @IntRange(min = 1, max = 50) int maxListSize) {
        NackGenerator nacks = new NackGenerator(1, 2, new NackGenerator.Settings(Duration.ofMillis(5),
                Duration.ofMillis(20), 3, Duration.ofMillis(200), maxListSize));
        Set<Integer> received = new HashSet<>();
        long now = 0;
        for (int offset : offsets) {
            now += 3 * MS;
            int seq = (start + offset) & 0xFFFF;
            nacks.handleReceive(now, seq);
            received.add(seq);
            assertThat(nacks.missingCount()).isBetween(0, maxListSize);
            long deadline = nacks.pollTimeout();
            assertThat(deadline).isGreaterThan(now - 3 * MS);
            if (deadline <= now) {
                nacks.handleTimeout(now);
            }
            for (GenericNack nack = nacks.pollTransmit(); nack != null; nack = nacks.pollTransmit()) {
                for (int lost : nack.lostSequenceNumbers()) {
                    assertThat(received).doesNotContain(lost);
                }
            }
        }
    }

    @Property(tries = 500)
    void rtxUnwrappingNeverThrowsOnRandomBytes(@ForAll byte[] bytes) {
        RtxDecoder decoder = new RtxDecoder(5, Map.of(97, 96));
        if (bytes.length > 1) {
            bytes[0] = (byte) 0x80;
            bytes[1] = 97;
        }
        decoder.unwrap(bytes, 0, bytes.length);
        decoder.unwrap(bytes, 1, Math.max(0, bytes.length - 2));
    }

    @Property(tries = 200)
    void rtxRoundTripsAnyPacket(@ForAll @IntRange(min = 0, max = 65535) int seq,
                                @ForAll @IntRange(min = 0, max = 300) int payloadLength,
                                @ForAll @IntRange(min = 0, max = 65535) int rtxSeq) {
        byte[] original = RetransmissionBufferTest.packet(seq, 96, payloadLength);
        byte[] rtx = new RtxEncoder(9, Map.of(96, 97), rtxSeq).wrap(original, 0, original.length);
        assertThat(new RtxDecoder(0x1111_2222, Map.of(97, 96)).unwrap(rtx, 0, rtx.length)).isEqualTo(original);
    }
}
