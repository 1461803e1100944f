package io.jrtc.pc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rounding of a connection's loop timer: far deadlines share grid steps, near ones stay exact. */
class PumpTimerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void farDeadlinesOfDifferentConnectionsRoundUpToTheSameGridStep() {
        long now = 1_000_000 * MS;
        long first = Pump.coalesced(now + 5_001 * MS, now);
        long second = Pump.coalesced(now + 5_013 * MS, now);

        assertThat(first).isEqualTo(second).isEqualTo(now + 5_020 * MS);
        assertThat(first % Pump.TIMER_GRID_NANOS).isZero();
    }

    @Test
    void aDeadlineIsNeverMovedEarlierNorLaterThanOneGridStep() {
        long now = 7 * MS + 3;
        for (long delay = Pump.COALESCED_DELAY_NANOS; delay < Pump.COALESCED_DELAY_NANOS + 100 * MS; delay += MS / 3) {
            long rounded = Pump.coalesced(now + delay, now);
            assertThat(rounded - (now + delay)).isBetween(0L, Pump.TIMER_GRID_NANOS - 1);
        }
    }

    @Test
    void nearDeadlinesAndNoDeadlineStayAsTheyAre() {
        long now = 123 * MS + 45;
        assertThat(Pump.coalesced(now + 50 * MS + 7, now)).isEqualTo(now + 50 * MS + 7);
        assertThat(Pump.coalesced(now - MS, now)).isEqualTo(now - MS);
        assertThat(Pump.coalesced(Long.MAX_VALUE, now)).isEqualTo(Long.MAX_VALUE);
        assertThat(Pump.coalesced(Long.MAX_VALUE - 1, now)).isEqualTo(Long.MAX_VALUE - 1);
    }
}
