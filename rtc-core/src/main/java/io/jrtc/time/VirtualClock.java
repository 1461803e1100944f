package io.jrtc.time;

import java.util.PriorityQueue;

/**
 * A clock that moves only when told, for deterministic tests: {@link #advance(long)} runs the tasks that fall due,
 * in deadline order (first scheduled first on ties), on the calling thread, each with the time set to its
 * deadline. Its wall clock moves with it from {@link #DEFAULT_EPOCH_MILLIS} (or the epoch given) at nanoTime 0.
 * Thread-safe.
 */
public class VirtualClock implements RtcClock {
    /** The wall-clock reading at nanoTime 0: 2026-01-01T00:00:00Z, so NTP and stats times look like real ones. */
    public static final long DEFAULT_EPOCH_MILLIS = 1_767_225_600_000L;

    private final long epochMillisAtZero;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    public VirtualClock() {
        this(0);
    }

    public VirtualClock(long startNanos) {
        this(startNanos, DEFAULT_EPOCH_MILLIS);
    }

    public VirtualClock(long startNanos, long epochMillisAtZero) {
        this.now = startNanos;
        this.epochMillisAtZero = epochMillisAtZero;
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized long currentTimeMillis() {
        return epochMillisAtZero + Math.floorDiv(now, 1_000_000L);
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
