package io.jrtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualMediaClockTest {

    @Test
    void tasksRunInDeadlineOrderAtTheirDeadline() {
        VirtualMediaClock clock = new VirtualMediaClock(1_000);
        List<String> log = new ArrayList<>();
        clock.schedule(30, () -> log.add("c@" + clock.nanoTime()));
        clock.schedule(10, () -> log.add("a@" + clock.nanoTime()));
        clock.schedule(10, () -> log.add("b@" + clock.nanoTime()));
        clock.schedule(-5, () -> log.add("now@" + clock.nanoTime()));
        assertThat(clock.nextDeadline()).isEqualTo(1_000);
        clock.advance(20);
        assertThat(log).containsExactly("now@1000", "a@1010", "b@1010");
        assertThat(clock.nanoTime()).isEqualTo(1_020);
        assertThat(clock.pendingTasks()).isEqualTo(1);
        clock.advanceTo(5_000);
        assertThat(log).endsWith("c@1030");
        assertThat(clock.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void tasksScheduledByTasksRunWhenTheyFallInsideTheAdvance() {
        VirtualMediaClock clock = new VirtualMediaClock();
        List<Long> ticks = new ArrayList<>();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add(clock.nanoTime());
            clock.schedule(20, tick[0]);
        };
        clock.schedule(20, tick[0]);
        clock.advance(70);
        assertThat(ticks).containsExactly(20L, 40L, 60L);
        assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
