package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.codec.H264NalUnits;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.RecodableTrack;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.VirtualMediaClock;
import io.jrtc.media.video.TranscodingVideoTrack;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.media.video.VideoDecoder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MP4 and WebM files made by FFmpeg's own encoders and muxers, played through our FFmpeg demux path. */
class ContainerPlaybackTest {
    private static final long MS = 1_000_000;
    private final VirtualMediaClock clock = new VirtualMediaClock(1_000 * MS);
    private final MediaPlayer.Options direct = MediaPlayer.Options.defaults().withIoExecutor(Runnable::run);

    @TempDir
    Path dir;

    @Test
    void mp4WithH264AndAacPlaysAnnexBAccessUnitsAndDecodedTone() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("h264-aac.mp4"), FfmpegCli.Video.H264, FfmpegCli.Audio.AAC, 320, 240,
                2, 440);
        MediaPlayer player = new MediaPlayer(file, clock, direct);

        List<Frame> video = MediaFiles.all(player.getVideo(), clock);
        assertThat(video).hasSizeBetween(59, 61);
        EncodedFrame first = (EncodedFrame) video.get(0);
        assertThat(first.mimeType()).isEqualTo("video/H264");
        assertThat(first.keyframe()).isTrue();
        assertThat(first.timestamp()).isZero();
        assertThat(H264NalUnits.isSelfContainedKeyframe(first.data(), 0, first.data().length)).isTrue();
        EncodedFrame secondKey = (EncodedFrame) video.get(30);
        assertThat(secondKey.keyframe()).isTrue();
        assertThat(H264NalUnits.isSelfContainedKeyframe(secondKey.data(), 0, secondKey.data().length)).isTrue();
        assertThat(secondKey.timestamp()).isEqualTo(90_000);

        List<Frame> audio = MediaFiles.all(player.getAudio(), clock);
        AudioFrame firstAudio = (AudioFrame) audio.get(0);
        assertThat(firstAudio.sampleRate()).isEqualTo(48_000);
        assertThat(firstAudio.samplesPerChannel()).isEqualTo(960);
        assertThat(audio.size() * 20).isBetween(1_950, 2_100);
        assertThat(dominantFrequency(audio)).isBetween(430.0, 450.0);
    }

    @Test
    void mp4WithOpusPassesThePacketsThrough() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("h264-opus.mp4"), FfmpegCli.Video.H264, FfmpegCli.Audio.OPUS, 160,
                120, 1, 440);
        List<Frame> audio = MediaFiles.all(new MediaPlayer(file, clock, direct).getAudio(), clock);
        assertThat(audio).allSatisfy(frame -> assertThat(((EncodedFrame) frame).mimeType()).isEqualTo("audio/opus"));
        assertThat(((EncodedFrame) audio.get(1)).timestamp()).isEqualTo(960);
        assertThat(audio.size() * 20).isBetween(980, 1_060);
    }

    @Test
    void webmWithVp9AndOpusPlaysCodedFramesTimedFromZero() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("vp9-opus.webm"), FfmpegCli.Video.VP9, FfmpegCli.Audio.OPUS, 320, 240,
                2, 440);
        MediaPlayer player = new MediaPlayer(file, clock, direct);
        List<Frame> video = MediaFiles.all(player.getVideo(), clock);
        assertThat(video).hasSizeBetween(59, 61);
        EncodedFrame first = (EncodedFrame) video.get(0);
        assertThat(first.mimeType()).isEqualTo("video/VP9");
        assertThat(first.keyframe()).isTrue();
        assertThat(first.timestamp()).isZero();
        assertThat(((EncodedFrame) video.get(1)).keyframe()).isFalse();
        // WebM's millisecond time base: frame 30 is at 1.000 s
        assertThat(((EncodedFrame) video.get(30)).timestamp()).isEqualTo(90_000);
        List<Frame> audio = MediaFiles.all(player.getAudio(), clock);
        assertThat(((EncodedFrame) audio.get(0)).mimeType()).isEqualTo("audio/opus");
    }

    @Test
    void webmVp9PassesThroughToVp9AndIsReEncodedAtItsSizeForVp8() throws Exception {
        Path file = FfmpegCli.make(dir.resolve("vp9.webm"), FfmpegCli.Video.VP9, FfmpegCli.Audio.OPUS, 320, 240, 1,
                440);
        try (MediaPlayer player = new MediaPlayer(file, MediaClock.system(), MediaPlayer.Options.defaults());
             VideoDecoder vp8 = VideoCodecs.decoder("video/VP8")) {
            RecodableTrack video = (RecodableTrack) player.getVideo();
            assertThat(video.sentAs(List.of("video/VP8", "video/VP9"))).isSameAs(player.getVideo());
            MediaStreamTrack recoded = video.sentAs(List.of("video/VP8", "video/H264"));
            assertThat(recoded).isInstanceOf(TranscodingVideoTrack.class)
                    .isSameAs(video.sentAs(List.of("video/VP8")));
            for (int i = 0; i < 10; i++) {
                EncodedFrame coded = (EncodedFrame) recoded.recv().get(60, TimeUnit.SECONDS);
                assertThat(coded.mimeType()).isEqualTo("video/VP8");
                if (i == 0) {
                    assertThat(coded.keyframe()).isTrue();
                }
                VideoFrame picture = vp8.decode(coded);
                assertThat(picture.width()).isEqualTo(320);
                assertThat(picture.height()).isEqualTo(240);
            }
        }
    }

    private static double dominantFrequency(List<Frame> frames) {
        long crossings = 0;
        long samples = 0;
        short previous = 0;
        for (Frame frame : frames.subList(5, frames.size() - 5)) {
            AudioFrame audio = (AudioFrame) frame;
            for (int i = 0; i < audio.samples().length; i += audio.channels()) {
                short sample = audio.samples()[i];
                if ((previous < 0) != (sample < 0)) {
                    crossings++;
                }
                previous = sample;
                samples++;
            }
        }
        return crossings / 2.0 / (samples / 48_000.0);
    }
}
