package io.jrtc.pc.internal.loop;

import io.jrtc.time.RtcClock;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives one connection's sans-IO machines on its event loop: after any input, every stage moves its outputs
 * (to the network or to the layer above) until none makes progress; then the earliest deadline of all stages
 * arms the connection's single timer. Time is the engine's {@link RtcClock}: on the system clock the timer is the
 * loop's own; on any other clock it is the clock's, and fires on the loop.
 */
public final class Pump {
    /** One protocol layer as seen by the pump. */
    public interface Stage {
        /** Moves pending outputs; returns whether anything moved. */
        boolean pump(long now);

        /** Absolute deadline in the clock's nanoseconds, or Long.MAX_VALUE. */
        long deadline();

        void onTimeout(long now);

        /** After the pump settles: flush sockets, publish states. */
        default void settle() {
        }
    }

    private static final int MAX_ROUNDS = 10_000;
    /**
     * Loop timers this far or further ahead are rounded up to the next multiple of {@link #TIMER_GRID_NANOS} on the
     * clock, so the quiet connections of a loop (consent checks, liveness probes, heartbeats: seconds apart) wake
     * it together, once per grid step, instead of each on its own: at thousands of connections the wake-ups, each
     * an epoll_wait and a timerfd update, cost more than the work they ran. Nearer timers (retransmissions, pacing,
     * delayed acks) stay exact.
     */
    static final long COALESCED_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    static final long TIMER_GRID_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final EventLoop loop;
    private final RtcClock clock;
    private final boolean loopTimers;
    // Stages are added from the thread that builds the connection, before or while the loop runs it.
    private final List<Stage> stages = new CopyOnWriteArrayList<>();
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private ScheduledFuture<?> timer;
    /** Counts armings, so a clock timer that was superseded does nothing when it fires. */
    private long timerGeneration;
    private long timerDeadline = Long.MAX_VALUE;
    private boolean running;
    private boolean closed;

    public Pump(EventLoop loop, RtcClock clock) {
        this.loop = loop;
        this.clock = clock;
        this.loopTimers = clock == RtcClock.system();
    }

    public EventLoop loop() {
        return loop;
    }

    /** The clock's monotonic reading, in nanoseconds. */
    public long now() {
        return clock.nanoTime();
    }

    public RtcClock clock() {
        return clock;
    }

    /**
     * Runs {@code task} on the loop once the clock has moved {@code delayNanos} on: a loop timer on the system
     * clock, the clock's task (hopping to the loop) on any other, so a virtual clock drives it too.
     */
    public void schedule(long delayNanos, Runnable task) {
        if (loopTimers) {
            loop.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } else {
            clock.schedule(delayNanos, () -> loop.execute(task));
        }
    }

    public void add(Stage stage) {
        stages.add(stage);
    }

    /** Runs the pump now when on the loop, else soon on the loop; calls coalesce. */
    public void request() {
        if (loop.inEventLoop()) {
            run();
        } else if (runQueued.compareAndSet(false, true)) {
            loop.execute(() -> {
                runQueued.set(false);
                run();
            });
        }
    }

    /** Runs on the loop: call after feeding any input to a stage. */
    public void run() {
        if (running || closed) {
            return;
        }
        running = true;
        try {
            long now = now();
            for (int round = 0; round < MAX_ROUNDS; round++) {
                boolean progress = false;
                for (int i = 0; i < stages.size(); i++) {
                    progress |= stages.get(i).pump(now);
                }
                if (!progress) {
                    break;
                }
            }
            for (int i = 0; i < stages.size(); i++) {
                stages.get(i).settle();
            }
            arm();
        } finally {
            running = false;
        }
    }

    private void arm() {
        long deadline = Long.MAX_VALUE;
        for (int i = 0; i < stages.size(); i++) {
            deadline = Math.min(deadline, stages.get(i).deadline());
        }
        long now = now();
        if (loopTimers) {
            deadline = coalesced(deadline, now);
        }
        if (deadline == timerDeadline) {
            return;
        }
        cancelTimer();
        timerDeadline = deadline;
        if (deadline != Long.MAX_VALUE) {
            long delay = Math.max(0, deadline - now);
            if (loopTimers) {
                timer = loop.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
            } else {
                long generation = timerGeneration;
                clock.schedule(delay, () -> loop.execute(() -> {
                    if (generation == timerGeneration) {
                        fire();
                    }
                }));
            }
        }
    }

    /** {@code deadline}, rounded up to the timer grid when it is at least {@link #COALESCED_DELAY_NANOS} away. */
    static long coalesced(long deadline, long now) {
        if (deadline > Long.MAX_VALUE - TIMER_GRID_NANOS || deadline - now < COALESCED_DELAY_NANOS) {
            return deadline;
        }
        long late = Math.floorMod(deadline, TIMER_GRID_NANOS);
        return late == 0 ? deadline : deadline + (TIMER_GRID_NANOS - late);
    }

    private void cancelTimer() {
        timerGeneration++;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void fire() {
        timer = null;
        timerGeneration++;
        timerDeadline = Long.MAX_VALUE;
        if (closed) {
            return;
        }
        long now = now();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            if (stage.deadline() <= now) {
                stage.onTimeout(now);
            }
        }
        run();
    }

    /** Stops timers for good; on the loop. */
    public void close() {
        closed = true;
        cancelTimer();
    }
}
