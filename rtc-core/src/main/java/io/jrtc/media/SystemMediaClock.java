package io.jrtc.media;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@link MediaClock#system()}: {@link System#nanoTime()} and one daemon scheduler thread shared by every paced
 * track, started on first use. A task that throws is logged and does not stop the thread.
 */
final class SystemMediaClock implements MediaClock {
    static final SystemMediaClock INSTANCE = new SystemMediaClock();
    static final String THREAD_NAME = "jrtc-media-clock";
    private static final System.Logger LOG = System.getLogger(SystemMediaClock.class.getName());

    private volatile ScheduledThreadPoolExecutor scheduler;

    private SystemMediaClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        scheduler().schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "media clock task failed", e);
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
}
