package io.jrtc.media.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bitrate a shared transcode aims at, from fake viewers' targets on the pictures' media time: the lowest
 * settled viewer's, bounded, moving only after a change has lasted, so one viewer's short dip changes nothing.
 */
class SharedBitrateTargetTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long FRAME = SECOND / 30;

    private final SharedBitrateTarget target = new SharedBitrateTarget(150_000, 2_500_000, 1_500_000);
    private final Object alice = "alice";
    private final Object bob = "bob";
    private long now;

    @Test
    void followsTheLowestViewerOnceItsDropHasLasted() {
        target.report(alice, 2_000_000);
        target.report(bob, 2_000_000);
        runFor(SharedBitrateTarget.READER_SETTLE_NANOS + SharedBitrateTarget.UP_HOLD_NANOS + SECOND);
        assertThat(target.at(now)).as("up to the viewers' common target").isEqualTo(2_000_000);

        target.report(bob, 600_000);
        assertThat(runFor(SharedBitrateTarget.DOWN_HOLD_NANOS - FRAME)).as("not yet").isEqualTo(2_000_000);
        assertThat(runFor(2 * FRAME)).as("after the hold").isEqualTo(600_000);

        target.forget(bob);
        assertThat(runFor(SharedBitrateTarget.UP_HOLD_NANOS - FRAME)).as("up waits longer").isEqualTo(600_000);
        assertThat(runFor(2 * FRAME)).isEqualTo(2_000_000);
    }

    @Test
    void aDipShorterThanTheHoldChangesNothing() {
        target.report(alice, 1_500_000);
        target.report(bob, 1_500_000);
        runFor(SharedBitrateTarget.READER_SETTLE_NANOS);
        for (int dip = 0; dip < 5; dip++) {
            target.report(bob, 400_000);
            assertThat(runFor(SharedBitrateTarget.DOWN_HOLD_NANOS / 2)).isEqualTo(1_500_000);
            target.report(bob, 1_500_000);
            assertThat(runFor(SharedBitrateTarget.DOWN_HOLD_NANOS / 2)).isEqualTo(1_500_000);
        }
        target.report(bob, 1_400_000);
        assertThat(runFor(5 * SECOND)).as("a move within the share is none").isEqualTo(1_500_000);
    }

    @Test
    void staysWithinItsBoundsAndIgnoresAViewerStillRampingUp() {
        target.report(alice, 50_000);
        assertThat(runFor(SharedBitrateTarget.READER_SETTLE_NANOS - FRAME)).as("alice still settles")
                .isEqualTo(1_500_000);
        assertThat(runFor(SharedBitrateTarget.DOWN_HOLD_NANOS + 2 * FRAME)).as("the floor").isEqualTo(150_000);

        target.report(alice, 9_000_000);
        assertThat(runFor(SharedBitrateTarget.UP_HOLD_NANOS + FRAME)).as("the ceiling").isEqualTo(2_500_000);

        target.report(bob, 300_000);  // joins with its start estimate
        assertThat(runFor(SharedBitrateTarget.READER_SETTLE_NANOS - FRAME)).isEqualTo(2_500_000);
        assertThat(target.readers()).isEqualTo(2);
    }

    @Test
    void withoutReadersItHoldsWhatItHas() {
        assertThat(runFor(10 * SECOND)).isEqualTo(1_500_000);
    }

    /** Encodes pictures at 30 fps for {@code nanos} of media time; the rate of the last. */
    private int runFor(long nanos) {
        long end = now + nanos;
        int rate = target.at(now);
        while (now < end) {
            now += FRAME;
            rate = target.at(now);
        }
        return rate;
    }
}
