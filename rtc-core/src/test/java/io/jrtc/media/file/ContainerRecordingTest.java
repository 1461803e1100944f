package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.VirtualMediaClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recording to MP4 and WebM through FFmpeg's muxer: the frames of a file FFmpeg made, stamped as RTP would stamp
 * them (crossing 2^32), recorded, then checked by ffprobe (streams, codecs, size, duration) and played back.
 */
class ContainerRecordingTest {
    private static final long RTP_OFFSET = 0xFFFF_0000L;  // a 90 kHz clock wraps 0.73 s into the recording
    private final VirtualMediaClock clock = new VirtualMediaClock();
    private final MediaPlayer.Options direct = MediaPlayer.Options.defaults().withIoExecutor(Runnable::run);

    @TempDir
    Path dir;

    @Test
    void h264AndOpusRecordToAnMp4ThatFfprobeAndOurPlayerRead() throws Exception {
        Path source = FfmpegCli.make(dir.resolve("source.mp4"), FfmpegCli.Video.H264, FfmpegCli.Audio.OPUS, 320,
                240, 2, 440);
        Path file = record(source, dir.resolve("rec.mp4"));

        String probe = FfmpegCli.probe(file);
        assertThat(probe).contains("codec_name=h264", "codec_name=opus", "width=320", "height=240",
                "codec_type=video", "codec_type=audio");
        assertThat(FfmpegCli.duration(probe)).isBetween(1.8, 2.2);
        List<Frame> video = MediaFiles.all(new MediaPlayer(file, clock, direct).getVideo(), clock);
        assertThat(video).hasSizeBetween(59, 61);
        assertThat(((EncodedFrame) video.get(0)).keyframe()).isTrue();
    }

    @Test
    void vp9AndOpusRecordToAWebm() throws Exception {
        Path source = FfmpegCli.make(dir.resolve("source.webm"), FfmpegCli.Video.VP9, FfmpegCli.Audio.OPUS, 320,
                240, 2, 440);
        String probe = FfmpegCli.probe(record(source, dir.resolve("rec.webm")));
        assertThat(probe).contains("codec_name=vp9", "codec_name=opus", "width=320", "height=240");
        assertThat(FfmpegCli.duration(probe)).isBetween(1.8, 2.2);
    }

    @Test
    void rawAudioIsEncodedToOpusBesideTheCodedVideo() throws Exception {
        // the AAC of this file plays as decoded PCM: the recorder encodes it
        Path source = FfmpegCli.make(dir.resolve("source.mp4"), FfmpegCli.Video.H264, FfmpegCli.Audio.AAC, 160,
                120, 2, 440);
        String probe = FfmpegCli.probe(record(source, dir.resolve("rec.mkv")));
        assertThat(probe).contains("codec_name=h264", "codec_name=opus", "width=160");
        assertThat(FfmpegCli.duration(probe)).isBetween(1.8, 2.2);
    }

    private Path record(Path source, Path file) throws Exception {
        MediaPlayer player = new MediaPlayer(source, clock, direct);
        List<Frame> video = MediaFiles.all(player.getVideo(), clock);
        List<Frame> audio = MediaFiles.all(player.getAudio(), clock);
        BufferedTrack videoTrack = new BufferedTrack(MediaKind.VIDEO, 1024);
        BufferedTrack audioTrack = new BufferedTrack(MediaKind.AUDIO, 1024);
        MediaRecorder recorder = new MediaRecorder(file, MediaFileIo.executor(), clock);
        recorder.addTrack(videoTrack);
        recorder.addTrack(audioTrack);
        recorder.start().get(5, TimeUnit.SECONDS);
        video.forEach(frame -> videoTrack.push(asRtp((EncodedFrame) frame)));
        audio.forEach(frame -> audioTrack.push(frame instanceof EncodedFrame coded ? asRtp(coded) : frame));
        await().atMost(Duration.ofSeconds(20)).until(() -> recorder.framesWritten() == video.size() + audio.size());
        recorder.stop().get(10, TimeUnit.SECONDS);
        return file;
    }

    private static EncodedFrame asRtp(EncodedFrame frame) {
        return new EncodedFrame(frame.mimeType(), frame.clockRate(), frame.data(),
                (frame.timestamp() + RTP_OFFSET) & 0xFFFF_FFFFL, frame.keyframe());
    }
}
