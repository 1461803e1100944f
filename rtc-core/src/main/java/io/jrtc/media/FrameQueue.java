package io.jrtc.media;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The bounded hand-over between a producer that pushes frames and a consumer that asks with futures: frames wait
 * for a consumer, consumers wait for a frame; when frames pile up past the capacity the oldest goes. Futures are
 * completed outside the lock so that a consumer's continuation never runs while the queue is held.
 */
final class FrameQueue {
    private final int capacity;
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private final ArrayDeque<CompletableFuture<Frame>> waiters = new ArrayDeque<>();
    private long dropped;
    private boolean closed;

    FrameQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Hands the frame to the oldest waiting consumer, or buffers it; ignored once closed. */
    void offer(Frame frame) {
        CompletableFuture<Frame> waiter;
        synchronized (this) {
            if (closed) {
                return;
            }
            waiter = waiters.poll();
            if (waiter == null) {
                if (frames.size() == capacity) {
                    frames.poll();
                    dropped++;
                }
                frames.add(frame);
                return;
            }
        }
        waiter.complete(frame);
    }

    CompletableFuture<Frame> poll(Supplier<MediaStreamError> endedError) {
        synchronized (this) {
            Frame frame = frames.poll();
            if (frame != null) {
                return CompletableFuture.completedFuture(frame);
            }
            if (!closed) {
                CompletableFuture<Frame> waiter = new CompletableFuture<>();
                waiters.add(waiter);
                return waiter;
            }
        }
        return CompletableFuture.failedFuture(endedError.get());
    }

    /** Drops buffered frames and fails every waiting consumer; later offers are ignored. */
    void close(Supplier<MediaStreamError> endedError) {
        List<CompletableFuture<Frame>> failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            frames.clear();
            failed = new ArrayList<>(waiters);
            waiters.clear();
        }
        for (CompletableFuture<Frame> waiter : failed) {
            waiter.completeExceptionally(endedError.get());
        }
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized int size() {
        return frames.size();
    }
}
