package io.jrtc.media.file;

import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * aiortc's {@code MediaPlayer}: tracks that play a file paced in real time by a {@link MediaClock}. WAV plays as
 * 20 ms {@link io.jrtc.media.AudioFrame}s; IVF (VP8) as "video/VP8" {@link io.jrtc.media.EncodedFrame}s timed by
 * the IVF time base; an H.264 Annex B stream as "video/H264" access units at a fixed frame rate; Ogg Opus as
 * "audio/opus" packets, or decoded to AudioFrames when asked; these four in pure Java, one track per file. MP4 and
 * WebM/Matroska are read through FFmpeg (the optional dependency {@code org.bytedeco:ffmpeg}; without it they fail
 * with a {@link FfmpegUnavailableException}) and play their first video and first audio track together: H.264
 * (as Annex B, parameter sets before each keyframe), VP8, VP9 and AV1 as coded frames, Opus as coded packets, AAC
 * decoded to 48 kHz AudioFrames in 20 ms. Video stays coded: a sender that negotiated its codec sends it as it
 * is; one that negotiated others reads it decoded and re-encoded to the first of them it can encode
 * ({@link io.jrtc.media.RecodableTrack}: aiortc's player decodes too), which needs FFmpeg. The container is told
 * by the file's first bytes. {@link #getAudio()} or {@link #getVideo()} is null when the file has no such track.
 * Each track reads the file on its own and ends at the end of the file unless the player loops.
 */
public final class MediaPlayer implements AutoCloseable {
    private final MediaStreamTrack audio;
    private final MediaStreamTrack video;

    /**
     * @param loop                 start over at the end of the file instead of ending the track
     * @param h264FramesPerSecond  the frame rate of a raw H.264 stream, which does not say its own
     * @param ioExecutor           where the file is read; must run tasks one at a time in submission order
     * @param decodeOpus           play Ogg Opus as decoded 48 kHz AudioFrames instead of coded packets
     */
    public record Options(boolean loop, int h264FramesPerSecond, Executor ioExecutor, boolean decodeOpus) {
        public static final int DEFAULT_H264_FRAMES_PER_SECOND = 30;

        public Options {
            if (h264FramesPerSecond <= 0 || h264FramesPerSecond > 90_000) {
                throw new IllegalArgumentException("frame rate must be 1..90000: " + h264FramesPerSecond);
            }
            Objects.requireNonNull(ioExecutor, "ioExecutor");
        }

        /** Play once, H.264 at 30 fps, Opus coded, reading on {@link MediaFileIo#executor()}. */
        public static Options defaults() {
            return new Options(false, DEFAULT_H264_FRAMES_PER_SECOND, MediaFileIo.executor(), false);
        }

        public Options withLoop(boolean loop) {
            return new Options(loop, h264FramesPerSecond, ioExecutor, decodeOpus);
        }

        public Options withH264FramesPerSecond(int framesPerSecond) {
            return new Options(loop, framesPerSecond, ioExecutor, decodeOpus);
        }

        public Options withIoExecutor(Executor executor) {
            return new Options(loop, h264FramesPerSecond, executor, decodeOpus);
        }

        public Options withDecodeOpus(boolean decode) {
            return new Options(loop, h264FramesPerSecond, ioExecutor, decode);
        }
    }

    /** Plays once, paced by {@link MediaClock#system()}. */
    public MediaPlayer(Path file) throws IOException {
        this(file, MediaClock.system(), Options.defaults());
    }

    public MediaPlayer(Path file, MediaClock clock) throws IOException {
        this(file, clock, Options.defaults());
    }

    /**
     * Opens the file and reads its headers on the calling thread, so that a file this player cannot play fails
     * here.
     *
     * @throws MediaFileFormatException when the file is not one of the containers played, or malformed
     */
    public MediaPlayer(Path file, MediaClock clock, Options options) throws IOException {
        Objects.requireNonNull(clock, "clock");
        FrameSources.Container container = FrameSources.sniff(file);
        FrameSource firstAudio = FrameSources.open(container, file, MediaKind.AUDIO, options.h264FramesPerSecond(),
                options.decodeOpus());
        FrameSource firstVideo;
        try {
            firstVideo = FrameSources.open(container, file, MediaKind.VIDEO, options.h264FramesPerSecond(),
                    options.decodeOpus());
        } catch (IOException | RuntimeException e) {
            if (firstAudio != null) {
                firstAudio.close();
            }
            throw e;
        }
        if (firstAudio == null && firstVideo == null) {
            throw new MediaFileFormatException(file + " holds no audio or video track in a codec played here");
        }
        this.audio = track(MediaKind.AUDIO, firstAudio, container, file, clock, options);
        this.video = track(MediaKind.VIDEO, firstVideo, container, file, clock, options);
    }

    private static MediaStreamTrack track(MediaKind kind, FrameSource first, FrameSources.Container container,
            Path file, MediaClock clock, Options options) {
        if (first == null) {
            return null;
        }
        PlayerTrack.Opener reopen = () -> {
            FrameSource source = FrameSources.open(container, file, kind, options.h264FramesPerSecond(),
                    options.decodeOpus());
            if (source == null) {
                throw new MediaFileFormatException(file + " no longer holds its " + kind + " track");
            }
            return source;
        };
        return new PlayerTrack(kind, first, reopen, options.loop(), clock, options.ioExecutor());
    }

    /** The audio track, or null when the file holds none. */
    public MediaStreamTrack getAudio() {
        return audio;
    }

    /** The video track, or null when the file holds none. */
    public MediaStreamTrack getVideo() {
        return video;
    }

    /** Stops the track and closes the file. */
    @Override
    public void close() {
        if (audio != null) {
            audio.stop();
        }
        if (video != null) {
            video.stop();
        }
    }
}
