package io.jrtc.media;

/**
 * Where paced tracks get the time and their timers. The system clock runs every task of every track on one shared
 * daemon thread ("jrtc-media-clock"), so a track costs no thread; tests use a {@link VirtualMediaClock}.
 */
public interface MediaClock {
    /** Monotonic nanoseconds on an arbitrary origin. */
    long nanoTime();

    /** Runs {@code task} once, {@code delayNanos} from now (at once when not positive). Tasks must be short. */
    void schedule(long delayNanos, Runnable task);

    /** The real monotonic clock with its one shared scheduler thread. */
    static MediaClock system() {
        return SystemMediaClock.INSTANCE;
    }
}
