package io.jrtc.pc.internal.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.VideoFrame;
import io.jrtc.pc.RTCMediaSourceStats;
import io.jrtc.pc.RTCStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** W3C media-source stats from the frames a sender takes from its track, with time an input. */
class MediaSourceCountersTest {
    private static final long MS = 1_000_000L;

    @Test
    void audioHasTheLastFramesLevelAndEnergyOverTheDurationTaken() {
        MediaSourceCounters counters = new MediaSourceCounters();
        short[] half = new short[480];
        Arrays.fill(half, (short) (Short.MAX_VALUE / 2));
        for (int i = 0; i < 50; i++) {  // one second of 10 ms frames at half of full scale
            counters.onFrame(i * 10 * MS, new AudioFrame(half, 48_000, 1, i * 480L));
        }
        BufferedTrack track = new BufferedTrack(MediaKind.AUDIO, 1);
        RTCMediaSourceStats s = stats(counters, track, 500 * MS);

        assertThat(s.getId()).isEqualTo("MS1");
        assertThat(s.getTrackIdentifier()).isEqualTo(track.getId());
        assertThat(s.getKind()).isEqualTo("audio");
        assertThat((Double) s.get("audioLevel")).isCloseTo(0.5, within(1e-4));
        assertThat(s.getTotalSamplesDuration()).isCloseTo(0.5, within(1e-9));
        assertThat((Double) s.get("totalAudioEnergy")).isCloseTo(0.25 * 0.5, within(1e-4));
        assertThat(s.toMap()).doesNotContainKeys("width", "frames");
    }

    @Test
    void videoHasTheLastPicturesSizeFramesAndTheirRate() {
        MediaSourceCounters counters = new MediaSourceCounters();
        for (int i = 0; i < 20; i++) {
            counters.onFrame(i * 50 * MS, new VideoFrame(32, 16, new byte[VideoFrame.i420Size(32, 16)], i));
        }
        byte[] key = PictureSizesTest.vp8Keyframe(64, 48);
        counters.onFrame(1000 * MS, new EncodedFrame("video/VP8", 90_000, key, 0, true));
        RTCMediaSourceStats s = stats(counters, new BufferedTrack(MediaKind.VIDEO, 1), 1000 * MS);

        assertThat(s.getFrames()).isEqualTo(21);
        assertThat(s.get("framesPerSecond")).isEqualTo(20.0);
        assertThat(s.toMap()).containsEntry("width", 64L).containsEntry("height", 48L)
                .doesNotContainKeys("audioLevel");
    }

    @Test
    void aSourceThatGaveNoFrameShowsOnlyItsTrack() {
        RTCMediaSourceStats s = stats(new MediaSourceCounters(), new BufferedTrack(MediaKind.VIDEO, 1), 0);
        assertThat(s.toMap()).containsOnlyKeys("id", "type", "timestamp", "trackIdentifier", "kind");
    }

    private static RTCMediaSourceStats stats(MediaSourceCounters counters, BufferedTrack track, long now) {
        List<RTCStats> stats = new ArrayList<>();
        counters.addStats(stats, 1.0, now, "MS1", track);
        return (RTCMediaSourceStats) stats.get(0);
    }
}
