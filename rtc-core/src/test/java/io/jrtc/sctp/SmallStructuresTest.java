package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.PriorityQueue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SmallStructuresTest {
    private static final long MS = 1_000_000L;

    @Property(tries = 200)
    void longMinHeapPollsInAscendingOrder(@ForAll List<Long> values) {
        LongMinHeap heap = new LongMinHeap();
        PriorityQueue<Long> model = new PriorityQueue<>();
        for (long v : values) {
            heap.push(v);
            model.add(v);
        }
        assertThat(heap.size()).isEqualTo(model.size());
        while (!model.isEmpty()) {
            assertThat(heap.peek()).isEqualTo(model.peek());
            assertThat(heap.poll()).isEqualTo(model.poll());
        }
        assertThat(heap.isEmpty()).isTrue();
    }

    /** RFC 9260 §6.3.1: SRTT/RTTVAR with alpha 1/8 and beta 1/4, RTO = SRTT + 4 RTTVAR within [min, max]. */
    @Test
    void rtoFollowsRfc9260() {
        RtoEstimator rto = new RtoEstimator(1000 * MS, 200 * MS, 10_000 * MS);
        assertThat(rto.rto()).isEqualTo(1000 * MS);
        rto.measure(100 * MS);
        assertThat(rto.smoothedRtt()).isEqualTo(100 * MS);
        assertThat(rto.rto()).isEqualTo(300 * MS);
        rto.measure(200 * MS);
        // RTTVAR = 3/4 * 50 + 1/4 * |100 - 200| = 62.5; SRTT = 7/8 * 100 + 1/8 * 200 = 112.5
        assertThat(rto.smoothedRtt()).isEqualTo(112_500_000L);
        assertThat(rto.rto()).isEqualTo(112_500_000L + 4 * 62_500_000L);
        rto.backOff();
        assertThat(rto.rto()).isEqualTo(2 * (112_500_000L + 4 * 62_500_000L));
        for (int i = 0; i < 10; i++) {
            rto.backOff();
        }
        assertThat(rto.rto()).isEqualTo(10_000 * MS);
        RtoEstimator fast = new RtoEstimator(1000 * MS, 200 * MS, 10_000 * MS);
        fast.measure(MS / 10);
        assertThat(fast.rto()).isEqualTo(200 * MS);
    }

    @Test
    void serialNumbers() {
        assertThat(SerialNumbers.unwrapTsn(0x1_0000_0005L, 7)).isEqualTo(0x1_0000_0007L);
        assertThat(SerialNumbers.unwrapTsn(0x1_FFFF_FFFEL, 1)).isEqualTo(0x2_0000_0001L);
        assertThat(SerialNumbers.unwrapTsn(0x2_0000_0001L, -2)).isEqualTo(0x1_FFFF_FFFEL);
        assertThat(SerialNumbers.ssnAfter(1, 65535)).isTrue();
        assertThat(SerialNumbers.ssnAfter(65535, 1)).isFalse();
        assertThat(SerialNumbers.ssnAfter(5, 5)).isFalse();
        assertThat(SerialNumbers.nextSsn(65535)).isZero();
    }
}
