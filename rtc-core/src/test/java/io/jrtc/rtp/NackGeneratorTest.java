package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generic NACK generation (RFC 4585 §6.2.1) on a virtual clock. */
class NackGeneratorTest {
    private static final long MS = 1_000_000L;
    private static final int SENDER = 0xAAAA_0001;
    private static final int MEDIA = 0xBBBB_0002;

    private static NackGenerator generator(int maxRequests, Duration maxAge, int maxListSize) {
        return new NackGenerator(SENDER, MEDIA, new NackGenerator.Settings(Duration.ofMillis(10),
                Duration.ofMillis(100), maxRequests, maxAge, maxListSize));
    }

    /** Runs the generator's timer at {@code now} and returns the numbers its NACKs ask for. */
    private static List<Integer> fire(NackGenerator nacks, long now) {
        nacks.handleTimeout(now);
        List<Integer> lost = new ArrayList<>();
        for (GenericNack nack = nacks.pollTransmit(); nack != null; nack = nacks.pollTransmit()) {
            assertThat(nack.senderSsrc()).isEqualTo(SENDER);
            assertThat(nack.mediaSsrc()).isEqualTo(MEDIA);
            for (int seq : nack.lostSequenceNumbers()) {
                lost.add(seq);
            }
        }
        return lost;
    }

    @Test
    void firstRequestAfterTheReorderDelayThenEveryRoundTripUntilMaxRequests() {
        NackGenerator nacks = generator(3, Duration.ofSeconds(5), 1000);
        assertThat(nacks.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        nacks.handleReceive(0, 10);
        nacks.handleReceive(5 * MS, 13);
        assertThat(nacks.missingSequenceNumbers()).containsExactly(11, 12);
        assertThat(nacks.pollTimeout()).isEqualTo(15 * MS);
        assertThat(fire(nacks, 14 * MS)).isEmpty();
        assertThat(fire(nacks, 15 * MS)).containsExactly(11, 12);
        assertThat(nacks.pollTimeout()).isEqualTo(115 * MS);

        nacks.roundTripTime(50 * MS);
        assertThat(fire(nacks, 114 * MS)).isEmpty();
        assertThat(fire(nacks, 115 * MS)).containsExactly(11, 12);
        assertThat(nacks.pollTimeout()).isEqualTo(165 * MS);
        assertThat(fire(nacks, 165 * MS)).containsExactly(11, 12);
        assertThat(nacks.missingCount()).isZero();
        assertThat(nacks.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        assertThat(fire(nacks, 1_000 * MS)).isEmpty();
        assertThat(nacks.requestsSent()).isEqualTo(6);
    }

    @Test
    void recoveredPacketsLeaveTheListAndReorderedOnesAreNeverRequested() {
        NackGenerator nacks = generator(10, Duration.ofSeconds(5), 1000);
        nacks.handleReceive(0, 10);
        nacks.handleReceive(0, 14);
        nacks.handleReceive(3 * MS, 11);          // reordered: back before the reorder delay
        assertThat(fire(nacks, 10 * MS)).containsExactly(12, 13);
        nacks.handleReceive(20 * MS, 12);         // recovered by the first request
        assertThat(nacks.missingSequenceNumbers()).containsExactly(13);
        assertThat(fire(nacks, 110 * MS)).containsExactly(13);
        nacks.handleReceive(130 * MS, 13);
        nacks.handleReceive(131 * MS, 13);        // a duplicate changes nothing
        assertThat(nacks.missingCount()).isZero();
        assertThat(nacks.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void gapsAcrossTheSequenceNumberWrapBecomeOneItem() {
        NackGenerator nacks = generator(10, Duration.ofSeconds(5), 1000);
        nacks.handleReceive(0, 65534);
        nacks.handleReceive(0, 2);
        assertThat(nacks.missingSequenceNumbers()).containsExactly(65535, 0, 1);
        nacks.handleTimeout(10 * MS);
        GenericNack nack = nacks.pollTransmit();
        assertThat(nack.items()).containsExactly(new GenericNack.Item(65535, 0b11));
        assertThat(nacks.pollTransmit()).isNull();
    }

    @Test
    void numbersMissingLongerThanTheMaxAgeAreGivenUp() {
        NackGenerator nacks = generator(10, Duration.ofMillis(250), 1000);
        nacks.handleReceive(0, 1);
        nacks.handleReceive(0, 3);
        assertThat(fire(nacks, 10 * MS)).containsExactly(2);
        assertThat(fire(nacks, 110 * MS)).containsExactly(2);
        assertThat(fire(nacks, 210 * MS)).containsExactly(2);
        assertThat(fire(nacks, 310 * MS)).isEmpty();
        assertThat(nacks.missingCount()).isZero();
        assertThat(nacks.packetsAbandoned()).isEqualTo(1);
    }

    @Test
    void theListKeepsOnlyTheNewestMaxListSizeNumbers() {
        NackGenerator nacks = generator(10, Duration.ofSeconds(5), 5);
        nacks.handleReceive(0, 0);
        nacks.handleReceive(0, 10);
        assertThat(nacks.missingSequenceNumbers()).containsExactly(5, 6, 7, 8, 9);
        assertThat(nacks.packetsAbandoned()).isEqualTo(4);
        nacks.handleReceive(0, 13);
        assertThat(nacks.missingSequenceNumbers()).containsExactly(7, 8, 9, 11, 12);
        assertThat(nacks.packetsAbandoned()).isEqualTo(6);
    }

    @Test
    void aJumpBeyondTheMaxDropoutIsARestartNotLoss() {
        NackGenerator nacks = generator(10, Duration.ofSeconds(5), 1000);
        nacks.handleReceive(0, 100);
        nacks.handleReceive(0, 103);
        nacks.handleReceive(0, 103 + 3001);
        assertThat(nacks.missingCount()).isZero();
        assertThat(nacks.packetsAbandoned()).isEqualTo(2);
        nacks.handleReceive(0, 103 + 3003);
        assertThat(nacks.missingSequenceNumbers()).containsExactly(103 + 3002);
    }

    @Test
    void manyMissingNumbersAreSplitOverSeveralNacks() {
        NackGenerator nacks = generator(10, Duration.ofSeconds(5), 1000);
        nacks.handleReceive(0, 0);
        nacks.handleReceive(0, 251);
        nacks.handleTimeout(10 * MS);
        List<GenericNack> sent = new ArrayList<>();
        for (GenericNack nack = nacks.pollTransmit(); nack != null; nack = nacks.pollTransmit()) {
            sent.add(nack);
        }
        assertThat(sent).hasSize(3);
        assertThat(sent.stream().mapToInt(n -> n.lostSequenceNumbers().length).sum()).isEqualTo(250);
        assertThat(sent.get(0).lostSequenceNumbers()[0]).isEqualTo(1);
        assertThat(nacks.requestsSent()).isEqualTo(250);
    }
}
