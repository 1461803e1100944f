package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The video an edge receives from its upstream node, as its local viewers' source: frames pass through, and the
 * keyframe requests of all those viewers (each joining viewer asks for one) are collapsed into at most one request
 * upstream per interval, so a crowd joining an edge costs the publisher one keyframe, not one per viewer.
 */
final class UpstreamVideoTrack extends MediaStreamTrack {
    private final MediaStreamTrack upstream;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong lastForwarded;
    private final AtomicLong asked = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();

    UpstreamVideoTrack(MediaStreamTrack upstream, long intervalNanos, LongSupplier nanoTime) {
        super(upstream.getKind());
        this.upstream = upstream;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.lastForwarded = new AtomicLong(nanoTime.getAsLong() - intervalNanos);
        upstream.onEnded(this::stop);
    }

    @Override
    public CompletableFuture<Frame> recv() {
        return upstream.recv();
    }

    @Override
    public void requestKeyframe() {
        asked.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastForwarded.get();
        if (now - last >= intervalNanos && lastForwarded.compareAndSet(last, now)) {
            forwarded.incrementAndGet();
            upstream.requestKeyframe();
        }
    }

    /** Keyframe requests local viewers made. */
    long asked() {
        return asked.get();
    }

    /** Keyframe requests sent upstream. */
    long forwarded() {
        return forwarded.get();
    }

    @Override
    protected void onStop() {
        upstream.stop();
    }
}
