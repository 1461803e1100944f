package io.jrtc.time;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link RtcClock#system()}: the only reader of real time in rtc-core, with one daemon scheduler thread
 * ("jrtc-clock") shared by every task, started on first use. A task that throws is logged and does not stop the
 * thread. (Connections on the system clock arm their timers on their own event loop instead: see the engine.)
 */
final class SystemClock implements RtcClock {
    static final SystemClock INSTANCE = new SystemClock();
    static final String THREAD_NAME = "jrtc-clock";
    private static final System.Logger LOG = System.getLogger(SystemClock.class.getName());

    private volatile ScheduledThreadPoolExecutor scheduler;

    private SystemClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        scheduler().schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "clock task failed", e);
            }
        }, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor current = scheduler;
        if (current == null) {
            synchronized (this) {
                current = scheduler;
                if (current == null) {
                    current = new ScheduledThreadPoolExecutor(1, runnable -> {
                        Thread thread = new Thread(runnable, THREAD_NAME);
                        thread.setDaemon(true);
                        return thread;
                    });
                    current.setRemoveOnCancelPolicy(true);
                    scheduler = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "RtcClock.system()";
    }
}
