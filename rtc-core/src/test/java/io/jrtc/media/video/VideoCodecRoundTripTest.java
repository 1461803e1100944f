package io.jrtc.media.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.TestPattern;
import io.jrtc.media.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Each codec encodes a second of the moving colour test pattern at 640x480 and decodes it back: every frame comes
 * back at its size and timestamp, the first is a keyframe, and the pictures are within 30 dB of what went in.
 */
class VideoCodecRoundTripTest {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int FRAMES = 30;

    @ParameterizedTest
    @ValueSource(strings = {"video/VP8", "video/VP9", "video/H264", "video/AV1"})
    void encodesAndDecodesTheTestPatternAbove30Db(String mimeType) {
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
        List<Double> psnr = new ArrayList<>();
        try (VideoEncoder encoder = VideoCodecs.encoder(mimeType, 2_000_000, 1);
                VideoDecoder decoder = VideoCodecs.decoder(mimeType)) {
            for (int i = 0; i < FRAMES; i++) {
                VideoFrame sent = pattern.frame(i, i * 3000L);
                EncodedFrame coded = encoder.encode(sent);
                assertThat(coded).as("frame %d coded", i).isNotNull();
                assertThat(coded.mimeType()).isEqualTo(mimeType);
                assertThat(coded.timestamp()).isEqualTo(i * 3000L);
                if (i == 0) {
                    assertThat(coded.keyframe()).as("the first frame is a keyframe").isTrue();
                }
                VideoFrame received = decoder.decode(coded);
                assertThat(received).as("frame %d decoded", i).isNotNull();
                assertThat(received.width()).isEqualTo(WIDTH);
                assertThat(received.height()).isEqualTo(HEIGHT);
                assertThat(received.pts()).isEqualTo(i * 3000L);
                psnr.add(Psnr.all(sent, received));
            }
        }
        System.out.println(mimeType + " PSNR at 640x480, 2 Mbit/s: " + psnr);
        assertThat(psnr).allSatisfy(db -> assertThat(db).isGreaterThan(30.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"video/VP8", "video/H264"})
    void aKeyframeComesOnRequest(String mimeType) {
        TestPattern pattern = new TestPattern(320, 240);
        try (VideoEncoder encoder = VideoCodecs.encoder(mimeType, 500_000, 1)) {
            assertThat(encoder.encode(pattern.frame(0, 0)).keyframe()).isTrue();
            assertThat(encoder.encode(pattern.frame(1, 3000)).keyframe()).isFalse();
            encoder.requestKeyframe();
            assertThat(encoder.encode(pattern.frame(2, 6000)).keyframe()).isTrue();
            assertThat(encoder.encode(pattern.frame(3, 9000)).keyframe()).isFalse();
        }
    }

    @Test
    void aNewSizeRestartsTheEncoderWithAKeyframe() {
        try (VideoEncoder encoder = VideoCodecs.encoder("video/VP8");
                VideoDecoder decoder = VideoCodecs.decoder("video/VP8")) {
            decoder.decode(encoder.encode(new TestPattern(320, 240).frame(0, 0)));
            decoder.decode(encoder.encode(new TestPattern(320, 240).frame(1, 3000)));
            EncodedFrame resized = encoder.encode(new TestPattern(160, 120).frame(2, 6000));
            assertThat(resized.keyframe()).isTrue();
            assertThat(decoder.decode(resized).width()).isEqualTo(160);
        }
    }

    @Test
    void aLowerTargetBitrateMakesSmallerFrames() {
        java.util.Random random = new java.util.Random(1);
        try (VideoEncoder encoder = VideoCodecs.encoder("video/VP8", 2_000_000, 1)) {
            long high = bytesOfLast(20, 60, 0, encoder, random);
            encoder.setTargetBitrate(200_000);
            assertThat(encoder.targetBitrate()).isEqualTo(200_000);
            long low = bytesOfLast(20, 60, 60, encoder, random);
            // Measured: about 163 kB at 2 Mbit/s, 15 kB at 200 kbit/s (20 frames at 30 fps are 2/3 s).
            assertThat(low).as("bytes of 20 frames at 200 kbit/s against 2 Mbit/s").isLessThan(high / 4);
        }
    }

    /**
     * Encodes {@code frames} pictures of the test pattern with noise (busy enough to fill any target) from
     * {@code first}; the bytes of the last {@code counted}.
     */
    private static long bytesOfLast(int counted, int frames, int first, VideoEncoder encoder, java.util.Random random) {
        TestPattern pattern = new TestPattern(320, 240);
        long bytes = 0;
        for (int i = first; i < first + frames; i++) {
            byte[] picture = pattern.picture(i);
            for (int p = 0; p < 320 * 240; p++) {
                picture[p] = (byte) Math.max(0, Math.min(255, (picture[p] & 0xFF) + random.nextInt(17) - 8));
            }
            EncodedFrame coded = encoder.encode(new VideoFrame(320, 240, picture, i * 3000L));
            if (i >= first + frames - counted && coded != null) {
                bytes += coded.data().length;
            }
        }
        return bytes;
    }

    @Test
    void corruptDataIsAnErrorNotACrash() {
        try (VideoDecoder decoder = VideoCodecs.decoder("video/VP8")) {
            byte[] garbage = new byte[200];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = (byte) (i * 37);
            }
            EncodedFrame frame = new EncodedFrame("video/VP8", 90000, garbage, 0, true);
            assertThatThrownBy(() -> decoder.decode(frame)).isInstanceOf(VideoCodecException.class);
        }
    }

    @Test
    void openingAndClosingRepeatedlyHoldsNoNativeMemory() {
        TestPattern pattern = new TestPattern(320, 240);
        VideoFrame picture = pattern.frame(0, 0);
        for (String mimeType : VideoCodecs.mimeTypes()) {
            // Warm up: the first opening loads libraries and their tables.
            roundTrip(mimeType, picture);
        }
        long before = residentBytes();
        for (int round = 0; round < 20; round++) {
            for (String mimeType : VideoCodecs.mimeTypes()) {
                roundTrip(mimeType, picture);
            }
        }
        long grown = residentBytes() - before;
        // 80 encoders and decoders leaked would hold hundreds of MB (a 320x240 libaom encoder alone holds ~10 MB).
        assertThat(grown).as("resident memory grown over 80 codec pairs").isLessThan(64L << 20);
    }

    @Test
    void aClosedCodecRefusesWork() {
        VideoEncoder encoder = VideoCodecs.encoder("video/VP8");
        encoder.close();
        encoder.close();
        assertThatThrownBy(() -> encoder.encode(new TestPattern(16, 16).frame(0, 0)))
                .isInstanceOf(VideoCodecException.class).hasMessageContaining("closed");
    }

    @Test
    void anUnknownMimeTypeIsRefused() {
        assertThatThrownBy(() -> VideoCodecs.encoder("video/H265")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("video/H265");
    }

    private static void roundTrip(String mimeType, VideoFrame picture) {
        try (VideoEncoder encoder = VideoCodecs.encoder(mimeType, 300_000, 1);
                VideoDecoder decoder = VideoCodecs.decoder(mimeType)) {
            assertThat(decoder.decode(encoder.encode(picture))).isNotNull();
        }
    }

    /** The process's resident set (Linux /proc), which native allocations grow and the Java heap barely does. */
    private static long residentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
