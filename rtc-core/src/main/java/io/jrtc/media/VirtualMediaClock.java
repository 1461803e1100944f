package io.jrtc.media;

import java.util.PriorityQueue;

/**
 * A clock that moves only when told, for deterministic tests: {@link #advance(long)} runs the tasks that fall due,
 * in deadline order (first scheduled first on ties), on the calling thread, each with the time set to its
 * deadline. Thread-safe.
 */
public final class VirtualMediaClock implements MediaClock {
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    public VirtualMediaClock() {
        this(0);
    }

    public VirtualMediaClock(long startNanos) {
        this.now = startNanos;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void schedule(long delayNanos, Runnable task) {
        timers.add(new Timer(now + Math.max(0, delayNanos), sequence++, task));
    }

    /** Moves time forward by {@code nanos}, running every task due by then, including ones those tasks schedule. */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time does not go back: " + nanos);
        }
        long target;
        synchronized (this) {
            target = now + nanos;
        }
        advanceTo(target);
    }

    /** Moves time forward to {@code deadline} (no-op if it has passed), running every task due by then. */
    public void advanceTo(long deadline) {
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.deadline > deadline) {
                    now = Math.max(now, deadline);
                    return;
                }
                timers.poll();
                now = Math.max(now, next.deadline);
            }
            next.task.run();
        }
    }

    /** Tasks waiting for their deadline. */
    public synchronized int pendingTasks() {
        return timers.size();
    }

    /** The earliest pending deadline, or {@link Long#MAX_VALUE} when none. */
    public synchronized long nextDeadline() {
        Timer next = timers.peek();
        return next == null ? Long.MAX_VALUE : next.deadline;
    }

    private record Timer(long deadline, long sequence, Runnable task) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }
}
