package io.jrtc.media;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A single media track (aiortc {@code MediaStreamTrack}; W3C Media Capture and Streams §4.3): a random id, a kind,
 * a ready state that goes from live to ended once, and {@link #recv()} for the next frame. Thread-safe.
 *
 * <p>{@link #isEnabled()} is the W3C {@code enabled} flag: the track keeps producing frames either way; a sender
 * reading a disabled track sends silence or black in their place.
 */
public abstract class MediaStreamTrack {
    private static final System.Logger LOG = System.getLogger(MediaStreamTrack.class.getName());

    private final String id = UUID.randomUUID().toString();
    private final MediaKind kind;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final List<Runnable> endedListeners = new CopyOnWriteArrayList<>();
    private volatile boolean enabled = true;

    protected MediaStreamTrack(MediaKind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public String getId() {
        return id;
    }

    public MediaKind getKind() {
        return kind;
    }

    public MediaStreamTrackState getReadyState() {
        return ended.get() ? MediaStreamTrackState.ENDED : MediaStreamTrackState.LIVE;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The next frame. Completes when the frame is there (for a paced track, at its due time); fails with
     * {@link MediaStreamError} once the track has ended. Never blocks the calling thread. The future may complete
     * on the producer's or the clock's thread: run heavy work with the {@code ...Async} stages.
     */
    public abstract CompletableFuture<Frame> recv();

    /**
     * Asks the source for a frame that decodes on its own: a viewer joined, or a remote receiver lost pictures
     * (its PLI or FIR). Tracks of coded video pass it on to where the video comes from; the others ignore it.
     */
    public void requestKeyframe() {
    }

    /** Ends the track; idempotent. Pending and later {@link #recv()} calls fail, ended listeners run once. */
    public void stop() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        onStop();
        for (Runnable listener : endedListeners) {
            runListener(listener);
        }
        endedListeners.clear();
    }

    /**
     * Runs {@code listener} once when the track ends (at once if it already has). Closing the returned handle
     * removes the listener.
     */
    public AutoCloseable onEnded(Runnable listener) {
        Objects.requireNonNull(listener, "listener");
        Runnable once = new OnceRunnable(listener);
        endedListeners.add(once);
        if (ended.get() && endedListeners.remove(once)) {
            runListener(once);
        }
        return () -> endedListeners.remove(once);
    }

    /** Subclasses release what they hold and fail their pending frames here; runs once, before the listeners. */
    protected abstract void onStop();

    /** The error pending and later {@link #recv()} calls fail with. */
    protected final MediaStreamError endedError() {
        return new MediaStreamError(kind + " track " + id + " has ended");
    }

    private static void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ended listener failed", e);
        }
    }

    /** Guards against the listener running twice when {@link #stop()} and a late registration race. */
    private static final class OnceRunnable implements Runnable {
        private final AtomicBoolean ran = new AtomicBoolean();
        private final Runnable delegate;

        OnceRunnable(Runnable delegate) {
            this.delegate = delegate;
        }

        @Override
        public void run() {
            if (ran.compareAndSet(false, true)) {
                delegate.run();
            }
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind + " " + id + " " + getReadyState() + "]";
    }
}
