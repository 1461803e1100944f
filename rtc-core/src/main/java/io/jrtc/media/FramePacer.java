package io.jrtc.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Real-time pacing for generated tracks, after aiortc's {@code next_timestamp}: the first frame is due at once and
 * fixes the start; frame n carries pts {@code n * clockRate / framesPerSecond} and is due at start + pts. A frame
 * asked for early is completed by a clock task at its due time, so nobody waits on a thread; a consumer that
 * falls behind gets the overdue frames at once until it has caught up.
 */
final class FramePacer {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final MediaClock clock;
    private final int clockRate;
    private final int framesPerSecond;
    private final List<CompletableFuture<Frame>> pending = new ArrayList<>();
    private long startNanos;
    private long frameIndex;
    private boolean stopped;

    FramePacer(MediaClock clock, int clockRate, int framesPerSecond) {
        if (clockRate <= 0 || framesPerSecond <= 0 || framesPerSecond > clockRate) {
            throw new IllegalArgumentException("need 0 < frames per second (" + framesPerSecond
                    + ") <= clock rate (" + clockRate + ")");
        }
        this.clock = clock;
        this.clockRate = clockRate;
        this.framesPerSecond = framesPerSecond;
    }

    /** The next frame, rendered now from its pts and released at its due time; fails once stopped. */
    CompletableFuture<Frame> next(LongFunction<Frame> render, Supplier<MediaStreamError> endedError) {
        CompletableFuture<Frame> future;
        Frame frame;
        long delay;
        synchronized (this) {
            if (stopped) {
                return CompletableFuture.failedFuture(endedError.get());
            }
            long now = clock.nanoTime();
            if (frameIndex == 0) {
                startNanos = now;
            }
            long pts = frameIndex * clockRate / framesPerSecond;
            frameIndex++;
            frame = render.apply(pts);
            delay = startNanos + toNanos(pts) - now;
            if (delay <= 0) {
                return CompletableFuture.completedFuture(frame);
            }
            future = new CompletableFuture<>();
            pending.add(future);
        }
        clock.schedule(delay, () -> release(future, frame));
        return future;
    }

    /** Fails every frame not yet released; later frames fail at once. */
    void stop(Supplier<MediaStreamError> endedError) {
        List<CompletableFuture<Frame>> failed;
        synchronized (this) {
            stopped = true;
            failed = new ArrayList<>(pending);
            pending.clear();
        }
        for (CompletableFuture<Frame> future : failed) {
            future.completeExceptionally(endedError.get());
        }
    }

    private void release(CompletableFuture<Frame> future, Frame frame) {
        synchronized (this) {
            if (!pending.remove(future)) {
                return;
            }
        }
        future.complete(frame);
    }

    /** Clock ticks to nanoseconds without overflowing for any realistic pts. */
    private long toNanos(long ticks) {
        return ticks / clockRate * NANOS_PER_SECOND + ticks % clockRate * NANOS_PER_SECOND / clockRate;
    }
}
