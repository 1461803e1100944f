package io.jrtc.media.file;

import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * aiortc's {@code MediaPlayer} for the containers read here, in pure Java: a track that plays a file paced in real
 * time by a {@link MediaClock}. WAV plays as 20 ms {@link io.jrtc.media.AudioFrame}s; IVF (VP8) as "video/VP8"
 * {@link io.jrtc.media.EncodedFrame}s timed by the IVF time base; an H.264 Annex B stream as "video/H264" access
 * units at a fixed frame rate; Ogg Opus as "audio/opus" packets, or decoded to AudioFrames when asked. Video
 * stays coded: a sender forwards it as it is. The container is told by the file's first bytes. A file holds one
 * track, so one of {@link #getAudio()} and {@link #getVideo()} is null. The track ends at the end of the file
 * unless the player loops.
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
        int fps = options.h264FramesPerSecond();
        boolean decode = options.decodeOpus();
        FrameSource first = FrameSources.open(container, file, fps, decode);
        MediaStreamTrack track = new PlayerTrack(container.kind, first,
                () -> FrameSources.open(container, file, fps, decode), options.loop(), clock, options.ioExecutor());
        this.audio = container.kind == MediaKind.AUDIO ? track : null;
        this.video = container.kind == MediaKind.VIDEO ? track : null;
    }

    /** The audio track, or null when the file holds video. */
    public MediaStreamTrack getAudio() {
        return audio;
    }

    /** The video track, or null when the file holds audio. */
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
