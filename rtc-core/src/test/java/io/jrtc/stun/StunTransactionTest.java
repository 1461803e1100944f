package io.jrtc.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StunTransactionTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final byte[] TID = new byte[12];

    /** Drives the transaction on its own deadlines and records when each copy went out. */
    private static List<Long> sendTimes(StunTransaction t) {
        List<Long> times = new ArrayList<>();
        times.add(0L);
        t.start(0);
        while (t.isPending()) {
            long now = t.deadline();
            if (t.handleTimeout(now) != null) {
                times.add(now);
            }
        }
        return times;
    }

    @Test
    void rfc8489DefaultScheduleMatchesSection621() {
        StunTransaction t = new StunTransaction(TID, new byte[] {1}, StunRetransmissionPolicy.rfcDefault());
        List<Long> times = sendTimes(t);

        // Sent at 0, 500, 1500, 3500, 7500, 15500 and 31500 ms; given up at 39500 ms.
        assertThat(times).containsExactly(0L, 500 * MS, 1500 * MS, 3500 * MS, 7500 * MS, 15500 * MS, 31500 * MS);
        assertThat(t.state()).isEqualTo(StunTransaction.State.TIMED_OUT);
        assertThat(t.transmissions()).isEqualTo(7);
        assertThat(StunRetransmissionPolicy.rfcDefault().totalTimeoutNanos()).isEqualTo(39500 * MS);
    }

    @Test
    void cappedRtoStopsDoubling() {
        StunRetransmissionPolicy p = new StunRetransmissionPolicy(100 * MS, 300 * MS, 5, 2);
        List<Long> times = sendTimes(new StunTransaction(TID, new byte[] {1}, p));

        assertThat(times).containsExactly(0L, 100 * MS, 300 * MS, 600 * MS, 900 * MS);
        assertThat(p.totalTimeoutNanos()).isEqualTo(1100 * MS);
    }

    @Test
    void nothingIsResentBeforeTheDeadlineOrAfterCompletion() {
        StunTransaction t = new StunTransaction(TID, new byte[] {7}, StunRetransmissionPolicy.rfcDefault());
        assertThat(t.start(0)).containsExactly(7);
        assertThat(t.handleTimeout(499 * MS)).isNull();
        assertThat(t.handleTimeout(500 * MS)).containsExactly(7);
        assertThat(t.retransmitNow(600 * MS)).containsExactly(7);
        assertThat(t.transmissions()).isEqualTo(3);
        assertThat(t.deadline()).isEqualTo(1500 * MS);

        t.complete();

        assertThat(t.handleTimeout(10_000 * MS)).isNull();
        assertThat(t.deadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(t.state()).isEqualTo(StunTransaction.State.COMPLETED);
    }

    @Test
    void matchesByTransactionId() throws Exception {
        byte[] tid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        StunTransaction t = new StunTransaction(tid, new byte[] {1}, StunRetransmissionPolicy.rfcDefault());
        StunMessage response = new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE, tid, List.of());
        assertThat(t.matches(StunMessage.parse(response.encode()))).isTrue();
        assertThat(t.matches(new byte[12])).isFalse();
    }
}
