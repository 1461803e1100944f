package io.jrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rate controller's answer to overuse that our own probe caused, against overuse of the media's making. */
class AimdRateControlTest {
    private static final long MS = 1_000_000L;

    @Test
    void aDropForAProbesOwnQueueIsUndoneOnceItDrained() {
        AimdRateControl control = overusedDuringAProbe(950_000, true);
        assertThat(control.update(1500 * MS, BandwidthUsage.NORMAL, 800_000)).isBetween(900_000L, 901_000L);
    }

    @Test
    void aProbeThatGotLessThroughThanTheEstimateRestoresOnlyWhatItGot() {
        AimdRateControl control = overusedDuringAProbe(840_000, true);
        assertThat(control.update(1500 * MS, BandwidthUsage.NORMAL, 800_000)).isBetween(840_000L, 841_000L);
    }

    @Test
    void onALossyPathTheDropStands() {
        AimdRateControl control = overusedDuringAProbe(950_000, false);
        assertThat(control.update(1500 * MS, BandwidthUsage.NORMAL, 800_000)).isLessThan(820_000);
    }

    @Test
    void overuseLongAfterAProbeIsTheMediasOwnAndIsNotUndone() {
        AimdRateControl control = new AimdRateControl(900_000, 30_000, 20_000_000);
        control.setRoundTripTime(40 * MS);
        control.onProbeStarted(0);
        control.onProbeResult(100 * MS, 880_000, true);
        assertThat(control.update(3000 * MS, BandwidthUsage.OVERUSING, 950_000)).isEqualTo(807_500);
        control.update(3200 * MS, BandwidthUsage.UNDERUSING, 900_000);
        assertThat(control.update(3400 * MS, BandwidthUsage.NORMAL, 800_000)).isLessThan(820_000);
    }

    /**
     * At 900 kbit/s a probe leaves at 1 s; the feedback with its result also shows its queue as overuse (950 kbit/s
     * acknowledged), which then drains.
     */
    private static AimdRateControl overusedDuringAProbe(long probeResult, boolean restorable) {
        AimdRateControl control = new AimdRateControl(900_000, 30_000, 20_000_000);
        control.setRoundTripTime(40 * MS);
        control.onProbeStarted(1000 * MS);
        control.onProbeResult(1100 * MS, probeResult, restorable);
        assertThat(control.update(1100 * MS, BandwidthUsage.OVERUSING, 950_000)).isEqualTo(807_500);
        control.update(1300 * MS, BandwidthUsage.UNDERUSING, 900_000);
        return control;
    }
}
