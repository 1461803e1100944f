package io.jrtc.media.file;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * aiortc's {@code MediaRecorder} for the containers written here, in pure Java: records one track into a file
 * whose extension names the container: ".wav" (raw audio as 16-bit PCM), ".ogg" or ".opus" (Opus packets as
 * received, or raw audio at an Opus rate encoded to Opus), ".ivf" (VP8 frames), ".h264" or ".264" (H.264 Annex B).
 * Video is recorded from the first keyframe on; the recorder asks the track for one when it starts. Unlike
 * aiortc's, which muxes audio and video into one container, a recorder here takes one track: record audio and
 * video into two files.
 *
 * <p>The track is read with a chain of {@code recv()} futures and every write runs on the I/O executor, so the
 * recorder costs no thread and never blocks the track's producer. Thread-safe.
 */
public final class MediaRecorder {
    private static final System.Logger LOG = System.getLogger(MediaRecorder.class.getName());

    private final Path file;
    private final Executor io;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private MediaStreamTrack track;
    private RecordingSink sink;
    private TrackPuller puller;
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
        this.file = Objects.requireNonNull(file, "file");
        this.io = Objects.requireNonNull(io, "io");
        RecordingSink.kindFor(file);
    }

    /**
     * The track to record; one per file, of the kind its container holds.
     *
     * @throws IllegalArgumentException for a track of the other kind
     * @throws IllegalStateException    when a track was already added or recording has started
     */
    public synchronized void addTrack(MediaStreamTrack track) {
        Objects.requireNonNull(track, "track");
        if (track.getKind() != RecordingSink.kindFor(file)) {
            throw new IllegalArgumentException(file.getFileName() + " records " + RecordingSink.kindFor(file)
                    + ", not " + track.getKind());
        }
        if (this.track != null || started != null) {
            throw new IllegalStateException("a recorder takes one track, before it starts");
        }
        this.track = track;
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
            RecordingSink opened = RecordingSink.open(file);
            MediaStreamTrack source;
            synchronized (this) {
                if (closed) {
                    opened.close();
                    return;
                }
                sink = opened;
                source = track;
                if (source != null) {
                    puller = new TrackPuller(source, this::onFrame, this::stop);
                }
            }
            if (source != null) {
                source.requestKeyframe();
                puller.start();
            }
        } catch (IOException e) {
            finished.completeExceptionally(e);
            throw new UncheckedIOException(e);
        }
    }

    private void onFrame(Frame frame) {
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
                current.accept(frame);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "recording to " + file + " failed; it stops here", e);
                stop();
            }
        });
    }

    /**
     * Stops reading and finishes the file (sizes and counts filled in, last page flushed). Completes when the file
     * is closed; the same future also completes when the track ends by itself. The track is left running.
     */
    public CompletableFuture<Void> stop() {
        synchronized (this) {
            if (closed) {
                return finished;
            }
            closed = true;
            if (puller != null) {
                puller.stop();
            }
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
