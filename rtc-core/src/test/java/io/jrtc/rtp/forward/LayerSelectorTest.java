package io.jrtc.rtp.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A viewer's layer follows its available bitrate: down at once, up after it held, temporal layers last. */
class LayerSelectorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long[] LAYERS = {150_000, 500_000, 1_700_000};
    private final LayerSelector selector = new LayerSelector();

    @Test
    void anUnknownEstimateKeepsTheLowestLayerWithEveryTemporalLayer() {
        assertThat(selector.select(0, LAYERS, AvailableBitrate.UNKNOWN))
                .isEqualTo(new LayerSelector.Choice(0, ForwardingStream.ALL_TEMPORAL_LAYERS));
    }

    @Test
    void goingUpWaitsUntilTheHigherLayerHasFitForTwoSeconds() {
        assertThat(selector.select(0, LAYERS, 3_000_000).layer()).isZero();
        assertThat(selector.select(SECOND, LAYERS, 3_000_000).layer()).isZero();
        assertThat(selector.select(2 * SECOND, LAYERS, 3_000_000).layer()).isEqualTo(2);
    }

    @Test
    void goingDownIsImmediate() {
        selector.select(0, LAYERS, 3_000_000);
        selector.select(2 * SECOND, LAYERS, 3_000_000);
        assertThat(selector.select(2 * SECOND + 1, LAYERS, 600_000).layer()).as("600 kbit/s").isEqualTo(1);
        assertThat(selector.select(2 * SECOND + 2, LAYERS, 300_000).layer()).isZero();
    }

    @Test
    void whenEvenTheLowestLayerIsTooMuchTemporalLayersAreDropped() {
        assertThat(selector.select(0, LAYERS, 160_000)).isEqualTo(new LayerSelector.Choice(0, 1));
        assertThat(selector.select(1, LAYERS, 110_000)).isEqualTo(new LayerSelector.Choice(0, 0));
        assertThat(selector.select(2, LAYERS, 1_000_000)).as("room again")
                .isEqualTo(new LayerSelector.Choice(0, ForwardingStream.ALL_TEMPORAL_LAYERS));
    }

    @Test
    void aNoisyEstimateAroundALayerDoesNotFlap() {
        int switches = 0;
        int last = selector.current().layer();
        for (int i = 0; i < 40; i++) {
            long estimate = i % 2 == 0 ? 2_100_000 : 1_900_000;  // the top layer fits only every other time
            int layer = selector.select(i * SECOND / 4, LAYERS, estimate).layer();
            switches += layer != last ? 1 : 0;
            last = layer;
        }
        assertThat(switches).isLessThanOrEqualTo(1);
    }
}
