package io.jrtc.time;

import java.time.Instant;

/**
 * Where the stack gets the time and its timers: one per {@link io.jrtc.pc.RtcEngine}, the system's by default, a
 * {@link VirtualClock} in tests that must not depend on real time.
 */
public interface RtcClock {
    /** Monotonic nanoseconds on an arbitrary origin: for timeouts, intervals and deadlines. */
    long nanoTime();

    /** Wall-clock milliseconds since the Unix epoch: for NTP timestamps, stats and certificate validity. */
    long currentTimeMillis();

    /** {@link #currentTimeMillis()} as an instant. */
    default Instant instant() {
        return Instant.ofEpochMilli(currentTimeMillis());
    }

    /** Runs {@code task} once, {@code delayNanos} from now (at once when not positive). Tasks must be short. */
    void schedule(long delayNanos, Runnable task);

    /** The real clock: {@link System#nanoTime()}, {@link System#currentTimeMillis()} and one shared timer thread. */
    static RtcClock system() {
        return SystemClock.INSTANCE;
    }
}
