package io.jrtc.media.file;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaClock;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * aiortc's {@code MediaRecorder}: records tracks into a file whose extension names the container. In pure Java,
 * one track per file: ".wav" (raw audio as 16-bit PCM), ".ogg" or ".opus" (Opus packets as received, or raw audio
 * at an Opus rate encoded to Opus), ".ivf" (VP8 frames), ".h264" or ".264" (H.264 Annex B). Through FFmpeg (the
 * optional dependency {@code org.bytedeco:ffmpeg}; without it {@link #start()} fails with a
 * {@link FfmpegUnavailableException}), an audio and a video track muxed together: ".mp4" (H.264, VP9, AV1 video),
 * ".webm" (VP8, VP9, AV1 video) or ".mkv" (any of these), with Opus audio, coded frames written as they came and
 * raw audio encoded to Opus; timestamps follow each track's RTP time from zero, and {@link #stop()} writes the
 * trailer that makes the file playable. Video is recorded from the first keyframe on; the recorder asks the track
 * for one when it starts.
 *
 * <p>The track is read with a chain of {@code recv()} futures and every write runs on the I/O executor, so the
 * recorder costs no thread and never blocks the track's producer. Thread-safe.
 */
public final class MediaRecorder {
    private static final System.Logger LOG = System.getLogger(MediaRecorder.class.getName());

    private final Path file;
    private final Executor io;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final MediaClock clock;
    private final List<MediaStreamTrack> tracks = new ArrayList<>();
    private final List<TrackPuller> pullers = new ArrayList<>();
    private RecordingSink sink;
    private CompletableFuture<Void> started;
    private boolean closed;
    private long finalFrameCount;

    /** Writes on {@link MediaFileIo#executor()}. */
    public MediaRecorder(Path file) {
        this(file, MediaFileIo.executor());
    }

    /**
     * @param io where the file is written; must run tasks one at a time in submission order
     * @throws IllegalArgumentException when the extension names no container written here
     */
    public MediaRecorder(Path file, Executor io) {
        this(file, io, MediaClock.system());
    }

    /**
     * @param clock when frames arrive, which places the tracks of a muxed file on one timeline
     */
    public MediaRecorder(Path file, Executor io, MediaClock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.io = Objects.requireNonNull(io, "io");
        this.clock = Objects.requireNonNull(clock, "clock");
        RecordingSink.kindsFor(file);
    }

    /**
     * A track to record: one per file, of the kind its container holds; for MP4, WebM and Matroska one audio and
     * one video track.
     *
     * @throws IllegalArgumentException for a track of a kind the file does not take
     * @throws IllegalStateException    when the file has a track of this kind or recording has started
     */
    public synchronized void addTrack(MediaStreamTrack track) {
        Objects.requireNonNull(track, "track");
        if (!RecordingSink.kindsFor(file).contains(track.getKind())) {
            throw new IllegalArgumentException(file.getFileName() + " records " + RecordingSink.kindsFor(file)
                    + ", not " + track.getKind());
        }
        if (started != null || tracks.stream().anyMatch(added -> added.getKind() == track.getKind())) {
            throw new IllegalStateException("a recorder takes one track of each kind its file holds, before it"
                    + " starts");
        }
        tracks.add(track);
    }

    /**
     * Opens (truncates) the file and starts reading the track. Completes once the file is open; fails if it cannot
     * be. Calling it again returns the same future.
     */
    public synchronized CompletableFuture<Void> start() {
        if (started != null) {
            return started;
        }
        started = CompletableFuture.runAsync(this::open, io);
        return started;
    }

    private void open() {
        try {
            Set<MediaKind> kinds = EnumSet.noneOf(MediaKind.class);
            synchronized (this) {
                tracks.forEach(track -> kinds.add(track.getKind()));
            }
            RecordingSink opened = RecordingSink.open(file, kinds.isEmpty() ? RecordingSink.kindsFor(file) : kinds);
            synchronized (this) {
                if (closed) {
                    opened.close();
                    return;
                }
                sink = opened;
                for (MediaStreamTrack source : tracks) {
                    pullers.add(new TrackPuller(source, this::onFrame, this::stop));
                }
            }
            for (int i = 0; i < tracks.size(); i++) {
                tracks.get(i).requestKeyframe();
                pullers.get(i).start();
            }
        } catch (IOException e) {
            finished.completeExceptionally(e);
            throw new UncheckedIOException(e);
        }
    }

    private void onFrame(Frame frame) {
        long arrival = clock.nanoTime();
        io.execute(() -> {
            // frames queued before stop() are still written: the close task runs after them and clears the sink
            RecordingSink current;
            synchronized (this) {
                current = sink;
            }
            if (current == null) {
                return;
            }
            try {
                current.accept(frame, arrival);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recording to " + file + " failed; it stops here", e);
                stop();
            }
        });
    }

    /**
     * Stops reading and finishes the file (sizes and counts filled in, last page flushed, MP4's movie box written).
     * Completes when the file is closed; the same future also completes when a track ends by itself. The tracks
     * are left running.
     */
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            if (closed) {
                return finished;
            }
            closed = true;
            pullers.forEach(TrackPuller::stop);
        }
        io.execute(() -> {
            try {
                RecordingSink toClose;
                synchronized (this) {
                    toClose = sink;
                    sink = null;
                    finalFrameCount = toClose == null ? 0 : toClose.framesWritten();
                }
                if (toClose != null) {
                    toClose.close();
                }
                finished.complete(null);
            } catch (IOException | RuntimeException e) {
                finished.completeExceptionally(e);
            }
        });
        return finished;
    }

    /** Completes when the file is finished: after {@link #stop()}, or when a track ended by itself. */
    public CompletableFuture<Void> whenFinished() {
        return finished.thenApply(done -> done);
    }

    /** Frames written into the file so far. */
    public long framesWritten() {
        RecordingSink current;
        synchronized (this) {
            current = sink;
            if (current == null) {
                return finalFrameCount;
            }
        }
        return current.framesWritten();
    }
}
