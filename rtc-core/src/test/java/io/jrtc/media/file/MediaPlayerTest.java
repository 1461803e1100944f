package io.jrtc.media.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.media.AudioFrame;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamError;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.VirtualMediaClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Playback paced on a virtual clock, the file read on the calling thread. */
class MediaPlayerTest {
    private static final long MS = 1_000_000;
    private final VirtualMediaClock clock = new VirtualMediaClock(5_000 * MS);
    private final MediaPlayer.Options direct = MediaPlayer.Options.defaults().withIoExecutor(Runnable::run);

    @TempDir
    Path dir;

    @Test
    void wavPlaysAs20MsFramesEachReleasedAtItsTime() throws IOException {
        MediaPlayer player = new MediaPlayer(MediaFiles.rampWav(dir.resolve("ramp.wav"), 4000), clock, direct);
        assertThat(player.getVideo()).isNull();
        MediaStreamTrack audio = player.getAudio();

        CompletableFuture<Frame> first = audio.recv();
        assertThat(first).isCompleted();
        AudioFrame frame = (AudioFrame) first.join();
        assertThat(frame.pts()).isZero();
        assertThat(frame.samplesPerChannel()).isEqualTo(960);
        assertThat(frame.samples()[959]).isEqualTo((short) 959);

        CompletableFuture<Frame> second = audio.recv();
        clock.advance(19 * MS);
        assertThat(second).isNotDone();
        clock.advance(MS);
        assertThat(((AudioFrame) second.join()).pts()).isEqualTo(960);

        List<Frame> rest = MediaFiles.all(audio, clock);
        assertThat(rest).extracting(f -> ((AudioFrame) f).pts()).containsExactly(1920L, 2880L, 3840L);
        assertThat(((AudioFrame) rest.get(2)).samplesPerChannel()).isEqualTo(160);  // the file's tail
        assertThat(clock.nanoTime()).isEqualTo((5_000 + 80) * MS);
        assertThat(audio.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
        assertThatThrownBy(() -> audio.recv().join()).hasCauseInstanceOf(MediaStreamError.class);
    }

    @Test
    void aConsumerThatFallsBehindGetsOverdueFramesAtOnce() throws IOException {
        MediaPlayer player = new MediaPlayer(MediaFiles.rampWav(dir.resolve("ramp.wav"), 4800), clock, direct);
        player.getAudio().recv();
        clock.advance(70 * MS);
        assertThat(player.getAudio().recv()).isCompleted();
        assertThat(player.getAudio().recv()).isCompleted();
        assertThat(player.getAudio().recv()).isCompleted();
        assertThat(player.getAudio().recv()).isNotDone();
    }

    @Test
    void ivfPlaysVp8TimedByItsTimeBaseWithKeyframesFromTheFrameTag() throws IOException {
        Path file = dir.resolve("v.ivf");
        try (IvfWriter writer = new IvfWriter(MediaFiles.create(file), new IvfHeader("VP80", 320, 240, 30, 1, 0))) {
            writer.write(0, MediaFiles.vp8Frame(true, 320, 240, 1, 50));
            writer.write(1, MediaFiles.vp8Frame(false, 0, 0, 2, 20));
            writer.write(3, MediaFiles.vp8Frame(false, 0, 0, 3, 20));
        }
        MediaStreamTrack video = new MediaPlayer(file, clock, direct).getVideo();
        EncodedFrame first = (EncodedFrame) MediaFiles.next(video, clock);
        assertThat(first.mimeType()).isEqualTo("video/VP8");
        assertThat(first.clockRate()).isEqualTo(90_000);
        assertThat(first.keyframe()).isTrue();
        assertThat(first.data()).hasSize(50);
        EncodedFrame second = (EncodedFrame) MediaFiles.next(video, clock);
        assertThat(second.timestamp()).isEqualTo(3000);
        assertThat(second.keyframe()).isFalse();
        assertThat(clock.nanoTime()).isEqualTo(5_000 * MS + 33_333_333);
        assertThat(((EncodedFrame) MediaFiles.next(video, clock)).timestamp()).isEqualTo(9000);
        assertThat(clock.nanoTime()).isEqualTo(5_100 * MS);
        assertThat(MediaFiles.next(video, clock)).isNull();
    }

    @Test
    void loopingStartsOverWithTimestampsStillRising() throws IOException {
        Path file = MediaFiles.rampWav(dir.resolve("ramp.wav"), 1920);
        MediaStreamTrack audio = new MediaPlayer(file, clock, direct.withLoop(true)).getAudio();
        for (int i = 0; i < 7; i++) {
            AudioFrame frame = (AudioFrame) MediaFiles.next(audio, clock);
            assertThat(frame.pts()).isEqualTo(960L * i);
            assertThat(frame.samples()[0]).isEqualTo((short) (i % 2 == 0 ? 0 : 960));
        }
        assertThat(clock.nanoTime()).isEqualTo((5_000 + 120) * MS);
        audio.stop();
        assertThat(audio.recv()).isCompletedExceptionally();
    }

    @Test
    void h264PlaysAccessUnitsAtTheGivenFrameRate() throws IOException {
        Path file = dir.resolve("v.h264");
        Files.write(file, HexFormat.of().parseHex(AnnexBTest.KEY + AnnexBTest.TWO_SLICES + AnnexBTest.WITH_AUD));
        MediaStreamTrack video = new MediaPlayer(file, clock, direct.withH264FramesPerSecond(25)).getVideo();
        List<Frame> frames = MediaFiles.all(video, clock);
        assertThat(frames).extracting(f -> ((EncodedFrame) f).timestamp()).containsExactly(0L, 3600L, 7200L);
        assertThat(frames).extracting(f -> ((EncodedFrame) f).keyframe()).containsExactly(true, false, false);
        assertThat(((EncodedFrame) frames.get(0)).mimeType()).isEqualTo("video/H264");
        assertThat(clock.nanoTime()).isEqualTo(5_080 * MS);
    }

    @Test
    void oggOpusPlaysItsPacketsOnThe48KHzClock() throws IOException {
        Path file = dir.resolve("a.opus");
        byte[] packet20 = {(byte) 0xf8, 1};
        byte[] packet10 = {(byte) 0xf0, 1};  // CELT fullband 10 ms
        Files.write(file, OggOpusTest.write(List.of(packet20, packet10, packet20), new OpusHead(1, 312, 48_000, 0)));
        MediaPlayer player = new MediaPlayer(file, clock, direct);
        assertThat(player.getVideo()).isNull();
        List<Frame> frames = MediaFiles.all(player.getAudio(), clock);
        assertThat(frames).extracting(f -> ((EncodedFrame) f).timestamp()).containsExactly(0L, 960L, 1440L);
        assertThat(frames).allSatisfy(f -> assertThat(((EncodedFrame) f).mimeType()).isEqualTo("audio/opus"));
        assertThat(clock.nanoTime()).isEqualTo(5_030 * MS);
    }

    @Test
    void stoppingFailsTheFrameWaitingForItsTime() throws IOException {
        MediaPlayer player = new MediaPlayer(MediaFiles.rampWav(dir.resolve("ramp.wav"), 4800), clock, direct);
        player.getAudio().recv();
        CompletableFuture<Frame> waiting = player.getAudio().recv();
        player.close();
        assertThat(waiting).isCompletedExceptionally();
        clock.advance(100 * MS);
        assertThat(player.getAudio().recv()).isCompletedExceptionally();
    }

    @Test
    void aFileOfNoKnownContainerFailsAtOnce() throws IOException {
        Path text = Files.writeString(dir.resolve("a.txt"), "hello");
        assertThatThrownBy(() -> new MediaPlayer(text, clock, direct)).isInstanceOf(MediaFileFormatException.class);
        Path vp9 = dir.resolve("v9.ivf");
        try (IvfWriter writer = new IvfWriter(MediaFiles.create(vp9), new IvfHeader("VP90", 1, 1, 30, 1, 0))) {
            writer.write(0, new byte[] {1});
        }
        assertThatThrownBy(() -> new MediaPlayer(vp9, clock, direct)).hasMessageContaining("only VP8");
    }

    @Test
    void aMalformedTailEndsTheTrackAfterTheGoodFrames() throws IOException {
        Path file = dir.resolve("cut.ivf");
        try (IvfWriter writer = new IvfWriter(MediaFiles.create(file), new IvfHeader("VP80", 1, 1, 30, 1, 0))) {
            writer.write(0, MediaFiles.vp8Frame(true, 1, 1, 0, 10));
            writer.write(1, new byte[100]);
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        MediaStreamTrack video = new MediaPlayer(file, clock, direct).getVideo();
        assertThat(MediaFiles.next(video, clock)).isNotNull();
        assertThatThrownBy(() -> video.recv().join()).hasCauseInstanceOf(MediaStreamError.class)
                .hasMessageContaining("could not read its file");
        assertThat(video.getReadyState()).isEqualTo(MediaStreamTrackState.ENDED);
    }
}
