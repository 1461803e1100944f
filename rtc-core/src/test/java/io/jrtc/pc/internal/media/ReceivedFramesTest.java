package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.jrtc.codec.MediaFrame;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbound-rtp members a receiver's frames add up to, with time an input. */
class ReceivedFramesTest {
    private static final long MS = 1_000_000L;

    @Test
    void videoCountsFramesKeyframesTheKeyframesSizeAndTheWaitPerFrame() {
        ReceivedFrames frames = new ReceivedFrames();
        byte[] key = PictureSizesTest.vp8Keyframe(640, 360);
        byte[] delta = {0x01, 0, 0};
        frames.onFrame(20 * MS, 0, "video/VP8", frame(key, true), coded(key));
        frames.onFrame(60 * MS, 50 * MS, "video/VP8", frame(delta, false), coded(delta));
        Map<String, Object> s = new LinkedHashMap<>();
        frames.addVideoStats(s, 60 * MS);
        frames.addJitterBufferStats(s);

        assertThat(s).containsEntry("framesReceived", 2L).containsEntry("keyFramesReceived", 1L)
                .containsEntry("framesPerSecond", 2.0).containsEntry("frameWidth", 640L)
                .containsEntry("frameHeight", 360L).containsEntry("jitterBufferEmittedCount", 2L);
        assertThat((Double) s.get("jitterBufferDelay")).isCloseTo(0.030, offset(1e-9));
    }

    @Test
    void audioCountsTheWaitPerSampleAndHasNoPictureSize() {
        ReceivedFrames frames = new ReceivedFrames();
        AudioFrame twentyMs = new AudioFrame(new short[960], 48_000, 1, 0);
        frames.onFrame(30 * MS, 10 * MS, "audio/opus", frame(new byte[] {1}, false), twentyMs);
        Map<String, Object> s = new LinkedHashMap<>();
        frames.addJitterBufferStats(s);

        assertThat(s).containsEntry("jitterBufferEmittedCount", 960L);
        assertThat((Double) s.get("jitterBufferDelay")).isCloseTo(0.020 * 960, offset(1e-9));
        assertThat(frames.frames()).isEqualTo(1);
    }

    @Test
    void aFrameSizeNoHeaderStatesIsLeftOut() {
        ReceivedFrames frames = new ReceivedFrames();
        byte[] h264 = {0, 0, 0, 1, 0x65};
        frames.onFrame(0, 0, "video/H264", frame(h264, true), coded(h264));
        Map<String, Object> s = new LinkedHashMap<>();
        frames.addVideoStats(s, 0);
        assertThat(s).containsEntry("keyFramesReceived", 1L).doesNotContainKeys("frameWidth", "frameHeight");
    }

    private static MediaFrame frame(byte[] data, boolean keyframe) {
        return new MediaFrame(data, 0, keyframe, 0, 0);
    }

    private static EncodedFrame coded(byte[] data) {
        return new EncodedFrame("video/VP8", 90_000, data, 0, false);
    }
}
