package io.jrtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.video.Psnr;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Raw pictures to and from NV12, packed RGB/BGR and BufferedImage (BT.601 limited range), and generated tracks. */
class VideoFrameConversionsTest {
    @Property(tries = 50)
    void nv12RoundTripsExactly(@ForAll @IntRange(min = 1, max = 33) int width,
            @ForAll @IntRange(min = 1, max = 33) int height, @ForAll long seed) {
        byte[] i420 = new byte[VideoFrame.i420Size(width, height)];
        new java.util.Random(seed).nextBytes(i420);
        VideoFrame frame = new VideoFrame(width, height, i420, 7, 1000);
        VideoFrame back = VideoFrame.fromNv12(width, height, frame.toNv12(), 7, 1000);
        assertThat(back.i420()).isEqualTo(i420);
        assertThat(back.clockRate()).isEqualTo(1000);
    }

    @Test
    void theTestPatternSurvivesRgbAndBgrWithinRounding() {
        VideoFrame pattern = new TestPattern(64, 48).frame(3, 9000);
        VideoFrame viaRgb = VideoFrame.fromRgb(64, 48, pattern.toRgb(), 9000, VideoFrame.CLOCK_RATE);
        VideoFrame viaBgr = VideoFrame.fromBgr(64, 48, pattern.toBgr(), 9000, VideoFrame.CLOCK_RATE);
        assertThat(Psnr.all(pattern, viaRgb)).isGreaterThan(40.0);
        assertThat(viaBgr.i420()).isEqualTo(viaRgb.i420());
    }

    @Test
    void primariesConvertToTheirBt601Values() {
        byte[] red = {(byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0, (byte) 255, 0, 0};
        VideoFrame frame = VideoFrame.fromRgb(2, 2, red, 0, VideoFrame.CLOCK_RATE);
        // ITU-R BT.601 limited range: red is Y 82, Cb 90, Cr 240.
        assertThat(frame.i420()[0] & 0xFF).isEqualTo(82);
        assertThat(frame.i420()[frame.uOffset()] & 0xFF).isEqualTo(90);
        assertThat(frame.i420()[frame.vOffset()] & 0xFF).isEqualTo(240);
        byte[] rgb = frame.toRgb();
        assertThat(rgb[0] & 0xFF).isBetween(250, 255);
        assertThat(rgb[1] & 0xFF).isLessThan(5);
        assertThat(rgb[2] & 0xFF).isLessThan(5);
    }

    @Test
    void bufferedImagesConvertBothWays() {
        BufferedImage image = new BufferedImage(10, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, x < 4 ? Color.BLUE.getRGB() : Color.WHITE.getRGB());
            }
        }
        VideoFrame frame = VideoFrame.fromBufferedImage(image, 42);
        assertThat(frame.width()).isEqualTo(10);
        assertThat(frame.pts()).isEqualTo(42);
        BufferedImage back = frame.toBufferedImage();
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        Color left = new Color(back.getRGB(1, 1));
        Color right = new Color(back.getRGB(8, 4));
        assertThat(left.getBlue()).isGreaterThan(245);
        assertThat(left.getRed()).isLessThan(10);
        assertThat(right.getRed() + right.getGreen() + right.getBlue()).isGreaterThan(3 * 245);
        assertThat(VideoFrame.fromBufferedImage(back, 42).i420()).isEqualTo(frame.i420());
    }

    @Test
    void wrongSizesAreRefused() {
        assertThatThrownBy(() -> VideoFrame.fromRgb(2, 2, new byte[11], 0, 90000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12");
        assertThatThrownBy(() -> VideoFrame.fromNv12(2, 2, new byte[5], 0, 90000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoFrame(2, 2, new byte[6], 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTestPatternMovesAndRepeatsItself() {
        TestPattern pattern = new TestPattern(64, 48);
        assertThat(pattern.picture(5)).isEqualTo(pattern.picture(5)).isNotEqualTo(pattern.picture(6));
    }

    @Test
    void generatedTracksCarryTheirPicturesOnThe90kHzClock() throws Exception {
        VirtualMediaClock clock = new VirtualMediaClock();
        VideoStreamTrack pattern = VideoStreamTrack.testPattern(clock, 32, 24, 10);
        VideoFrame first = (VideoFrame) pattern.recv().get(1, TimeUnit.SECONDS);
        assertThat(first.i420()).isEqualTo(new TestPattern(32, 24).picture(0));
        var second = pattern.recv();
        clock.advance(100_000_000L);
        assertThat(((VideoFrame) second.get(1, TimeUnit.SECONDS)).pts()).isEqualTo(9000);

        List<Long> asked = new ArrayList<>();
        VideoStreamTrack drawn = new VideoStreamTrack(clock, 10, pts -> {
            asked.add(pts);
            return new VideoFrame(4, 2, new byte[12], 12345, 1);
        });
        VideoFrame picture = (VideoFrame) drawn.recv().get(1, TimeUnit.SECONDS);
        assertThat(picture.pts()).isEqualTo(0);
        assertThat(picture.clockRate()).isEqualTo(VideoFrame.CLOCK_RATE);
        assertThat(drawn.width()).isEqualTo(4);
        assertThat(asked).containsExactly(0L);

        BufferedImage red = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        BufferedImage green = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, Color.RED.getRGB());
        green.setRGB(0, 0, Color.GREEN.getRGB());
        VideoStreamTrack images = VideoStreamTrack.ofImages(clock, 10, List.of(red, green));
        VideoFrame shownFirst = (VideoFrame) images.recv().get(1, TimeUnit.SECONDS);
        assertThat(shownFirst.i420()).isEqualTo(VideoFrame.fromBufferedImage(red, 0).i420());
        pattern.stop();
        drawn.stop();
        images.stop();
    }
}
