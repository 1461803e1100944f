package io.jrtc.pc.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimulcastLayersTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void ridsKeepTheAnswersOrderUntilMeasured() {
        SimulcastLayers layers = new SimulcastLayers(List.of("q", "h", "f"), 1, 2);

        assertEquals(List.of("q", "h", "f"), layers.ridsByRank());
    }

    @Test
    void ridsAreRankedByTheBitrateOfTheLastSecond() {
        SimulcastLayers layers = new SimulcastLayers(List.of("a", "b", "c"), 1, 2);

        assertFalse(layers.onMediaPacket(0, 0, 500));
        assertFalse(layers.onMediaPacket(SECOND / 2, 1, 5_000));
        assertFalse(layers.onMediaPacket(SECOND / 2, 2, 50));
        assertTrue(layers.onMediaPacket(SECOND, 0, 500));

        assertEquals(List.of("c", "a", "b"), layers.ridsByRank());
        assertEquals(1, layers.rank(0));
    }

    @Test
    void aSilentLayerRanksAfterTheActiveOnes() {
        SimulcastLayers layers = new SimulcastLayers(List.of("hi", "lo"), 1, 2);

        layers.onMediaPacket(0, 0, 9_000);
        assertTrue(layers.onMediaPacket(SECOND, 0, 9_000));

        assertEquals(List.of("hi", "lo"), layers.ridsByRank());
    }

    @Test
    void keyFrameWidthsRankTheLayersWhileTheirBitratesCross() {
        SimulcastLayers layers = new SimulcastLayers(List.of("q", "h", "f"), 1, 2);
        layers.onKeyframeWidth(0, 320);
        layers.onKeyframeWidth(1, 640);
        layers.onKeyframeWidth(2, 1280);

        layers.onMediaPacket(0, 0, 5_000);  // ramping up: the lowest layer sends the most for now
        layers.onMediaPacket(0, 1, 500);
        layers.onMediaPacket(0, 2, 50);
        assertTrue(layers.onMediaPacket(SECOND, 0, 5_000));

        assertEquals(List.of("q", "h", "f"), layers.ridsByRank());
    }

    @Test
    void bitratesRankUntilEveryActiveLayerSaidItsWidth() {
        SimulcastLayers layers = new SimulcastLayers(List.of("q", "h"), 1, 2);
        layers.onKeyframeWidth(0, 320);

        layers.onMediaPacket(0, 0, 5_000);
        layers.onMediaPacket(0, 1, 500);
        assertTrue(layers.onMediaPacket(SECOND, 0, 5_000));

        assertEquals(List.of("h", "q"), layers.ridsByRank());
    }
}
