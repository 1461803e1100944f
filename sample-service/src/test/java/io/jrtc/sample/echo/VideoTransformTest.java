package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.jrtc.media.TestPattern;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VideoStreamTrack;

import org.junit.jupiter.api.Test;

/** The echo's picture transforms on small pictures whose result is known. */
class VideoTransformTest {
    private final VideoFrame pattern = new TestPattern(64, 48).frame(3, 9000);

    @Test
    void grayscaleKeepsLumaAndFlattensChroma() {
        VideoFrame grey = VideoTransform.GRAYSCALE.apply(pattern);
        byte[] out = grey.i420();
        assertThat(Arrays.copyOf(out, pattern.uOffset())).isEqualTo(Arrays.copyOf(pattern.i420(), pattern.uOffset()));
        for (int i = pattern.uOffset(); i < out.length; i++) {
            assertThat(out[i]).isEqualTo((byte) 128);
        }
        assertThat(grey.pts()).isEqualTo(9000);
    }

    @Test
    void flipPutsTheTopRowAtTheBottomAndTwiceIsTheSamePicture() {
        VideoFrame flipped = VideoTransform.FLIP.apply(pattern);
        assertThat(Arrays.copyOfRange(flipped.i420(), 47 * 64, 48 * 64))
                .isEqualTo(Arrays.copyOfRange(pattern.i420(), 0, 64));
        assertThat(VideoTransform.FLIP.apply(flipped).i420()).isEqualTo(pattern.i420());
    }

    @Test
    void edgesAreBrightWhereLumaChangesAndDarkElsewhere() {
        byte[] halves = VideoStreamTrack.solidI420(16, 8, 16, 128, 128);
        for (int y = 0; y < 8; y++) {
            Arrays.fill(halves, y * 16 + 8, y * 16 + 16, (byte) 235);
        }
        VideoFrame edges = VideoTransform.EDGES.apply(new VideoFrame(16, 8, halves, 0));
        int atEdge = edges.i420()[4 * 16 + 8] & 0xFF;
        int inFlat = edges.i420()[4 * 16 + 3] & 0xFF;
        assertThat(atEdge).isEqualTo(235);
        assertThat(inFlat).isEqualTo(16);
    }

    @Test
    void namesAreTheQueryParameterValues() {
        assertThat(VideoTransform.byName("Grayscale")).isEqualTo(VideoTransform.GRAYSCALE);
        assertThat(VideoTransform.byName("edges")).isEqualTo(VideoTransform.EDGES);
        assertThat(VideoTransform.byName("sepia")).isNull();
    }
}
