package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** W3C framesPerSecond: the frames of the last second, with time an input. */
class FramesPerSecondTest {
    private static final long MS = 1_000_000L;

    @Test
    void thirtyFramesASecondCountThirtyAndNoneOnceTheyStop() {
        FramesPerSecond rate = new FramesPerSecond();
        for (int i = 0; i < 90; i++) {
            rate.onFrame(i * 1000 * MS / 30);
        }
        long last = 89 * 1000 * MS / 30;
        assertThat(rate.at(last)).isEqualTo(30);
        assertThat(rate.at(last + 500 * MS)).isEqualTo(15);
        assertThat(rate.at(last + 1000 * MS)).isZero();
    }

    @Test
    void aBurstShowsAtOnceAndMoreThanTheRingHoldsCountsAsTheRing() {
        FramesPerSecond rate = new FramesPerSecond();
        assertThat(rate.at(0)).isZero();
        for (int i = 0; i < 1000; i++) {
            rate.onFrame(5 * MS);
        }
        assertThat(rate.at(10 * MS)).isEqualTo(256);
    }
}
