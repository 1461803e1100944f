package io.jrtc.media.file;

import io.jrtc.media.MediaStreamTrack;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * aiortc's {@code MediaBlackhole}: reads every frame of its tracks and throws them away, so that a receiver's
 * buffers drain and its statistics advance; counts what it swallowed. Thread-safe.
 */
public final class MediaBlackhole {
    private final List<MediaStreamTrack> tracks = new CopyOnWriteArrayList<>();
    private final List<TrackPuller> pullers = new CopyOnWriteArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private volatile boolean started;

    /** Adds a track to consume; a track added after {@link #start()} is consumed at once. */
    public void addTrack(MediaStreamTrack track) {
        Objects.requireNonNull(track, "track");
        boolean pullNow;
        synchronized (this) {
            tracks.add(track);
            pullNow = started;
        }
        if (pullNow) {
            pull(track);
        }
    }

    public CompletableFuture<Void> start() {
        List<MediaStreamTrack> toPull;
        synchronized (this) {
            toPull = started ? List.of() : List.copyOf(tracks);
            started = true;
        }
        toPull.forEach(this::pull);
        return CompletableFuture.completedFuture(null);
    }

    /** Stops reading; the tracks themselves are left running. */
    public synchronized CompletableFuture<Void> stop() {
        started = false;
        pullers.forEach(TrackPuller::stop);
        pullers.clear();
        return CompletableFuture.completedFuture(null);
    }

    /** Frames consumed so far, over all tracks. */
    public long framesReceived() {
        return frames.get();
    }

    private void pull(MediaStreamTrack track) {
        TrackPuller puller = new TrackPuller(track, frame -> frames.incrementAndGet(), () -> { });
        pullers.add(puller);
        puller.start();
    }
}
