package io.jrtc.whip;

import java.time.Duration;
import java.util.Objects;

/**
 * When a refused or unreachable POST is tried again: at most {@code attempts} tries in all, the waits doubling
 * from {@code firstBackoff} up to {@code maxBackoff}, never shorter than the endpoint's Retry-After (itself capped
 * at {@code maxBackoff}).
 */
record PostRetries(int attempts, Duration firstBackoff, Duration maxBackoff) {
    static final PostRetries NONE = new PostRetries(1, Duration.ZERO, Duration.ZERO);

    PostRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= first <= max");
        }
    }

    /** Whether attempt number {@code attempt} (1 for the first) may be followed by another. */
    boolean allowsAnotherAfter(int attempt) {
        return attempt < attempts;
    }

    /** The wait after failed attempt {@code attempt}, given the endpoint's Retry-After seconds (-1 for none). */
    Duration backoff(int attempt, long retryAfterSeconds) {
        Duration doubled = firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration wait = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        if (retryAfterSeconds > 0) {
            Duration asked = Duration.ofSeconds(retryAfterSeconds);
            asked = asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
            wait = asked.compareTo(wait) > 0 ? asked : wait;
        }
        return wait;
    }
}
