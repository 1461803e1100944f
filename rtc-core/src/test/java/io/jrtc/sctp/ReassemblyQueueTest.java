package io.jrtc.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.sctp.wire.DataChunk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReassemblyQueueTest {
    private final List<byte[]> delivered = new ArrayList<>();
    private final InboundStreams streams = new InboundStreams((s, ppid, data, u) -> delivered.add(data));

    private static DataChunk fragment(long tsn, int ssn, boolean b, boolean e, int value) {
        return new DataChunk((int) tsn, 0, ssn, 0, false, b, e, false, new byte[] {(byte) value});
    }

    @Test
    void inOrderFragmentsCompleteAMessage() {
        ReassemblyQueue q = new ReassemblyQueue(streams, 0);
        q.start(100);
        assertThat(q.add(100, fragment(100, 0, true, false, 1), 99)).isEqualTo(ReassemblyQueue.ADDED);
        assertThat(q.bytesCountedAgainstWindow(100)).isZero();
        q.add(101, fragment(101, 0, false, false, 2), 100);
        assertThat(q.bytesCountedAgainstWindow(101)).isZero();
        q.add(102, fragment(102, 0, false, true, 3), 101);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).containsExactly(1, 2, 3);
        assertThat(q.bytesCountedAgainstWindow(102)).isZero();
    }

    @Test
    void outOfOrderFragmentsCompleteWhenTheHoleFills() {
        ReassemblyQueue q = new ReassemblyQueue(streams, 0);
        q.start(100);
        q.add(102, fragment(102, 0, false, true, 3), 99);
        q.add(100, fragment(100, 0, true, false, 1), 99);
        assertThat(q.bytesCountedAgainstWindow(100)).isEqualTo(1);
        q.add(101, fragment(101, 0, false, false, 2), 100);
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void manyFragmentsGrowTheRing() {
        ReassemblyQueue q = new ReassemblyQueue(streams, 0);
        q.start(1000);
        int n = 5000;
        for (int i = 0; i < n; i++) {
            q.add(1000 + i, fragment(1000 + i, 0, i == 0, i == n - 1, i), 999 + i);
            if (i < n - 1) {
                assertThat(q.bytesCountedAgainstWindow(1000 + i)).as("after %d", i).isZero();
            }
        }
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)).hasSize(n);
    }

    /** RFC 9260 §6.2: a full window gives up the largest TSN held for reordering; the rest of its run still merges. */
    @Test
    void dropHighestAboveGivesUpTheLargestFragmentsFirstAndKeepsTheRestOfTheRun() {
        ReassemblyQueue q = new ReassemblyQueue(streams, 0);
        q.start(100);
        q.add(102, fragment(102, 0, false, false, 2), 99);
        q.add(103, fragment(103, 0, false, false, 3), 99);
        q.add(104, fragment(104, 0, false, true, 4), 99);
        q.add(110, fragment(110, 1, true, false, 9), 99);

        assertThat(q.dropHighestAbove(101)).isEqualTo(110);
        assertThat(q.dropHighestAbove(101)).isEqualTo(104);
        assertThat(q.dropHighestAbove(103)).isEqualTo(-1);
        assertThat(q.storedBytes()).isEqualTo(2);
        q.add(104, fragment(104, 0, false, true, 4), 99);
        q.add(101, fragment(101, 0, false, false, 1), 99);
        q.add(100, fragment(100, 0, true, false, 0), 99);
        assertThat(delivered).singleElement().satisfies(m -> assertThat(m).containsExactly(0, 1, 2, 3, 4));
        assertThat(q.storedBytes()).isZero();
    }
}
