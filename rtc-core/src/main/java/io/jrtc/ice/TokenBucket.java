package io.jrtc.ice;

/**
 * A token bucket fed the time rather than reading a clock: it holds at most {@code capacity} tokens, refills one
 * every {@code 1 / ratePerSecond} seconds, and each {@link #tryTake} spends one. Thread-safe, so that one bucket
 * can bound the agents of every event loop of an engine together.
 */
public final class TokenBucket {
    private final long nanosPerToken;
    private final long maxCredit;
    /** Credit in nanoseconds of refill: a token costs {@code nanosPerToken}. */
    private long credit;
    private long last = Long.MIN_VALUE;

    public TokenBucket(int capacity, int ratePerSecond) {
        if (capacity < 1 || ratePerSecond < 1) {
            throw new IllegalArgumentException("capacity and rate must be positive");
        }
        this.nanosPerToken = 1_000_000_000L / ratePerSecond;
        this.maxCredit = nanosPerToken * capacity;
        this.credit = maxCredit;
    }

    /** Spends a token if one is left at {@code now} (nanoseconds of a monotonic clock); returns whether it did. */
    public synchronized boolean tryTake(long now) {
        if (last != Long.MIN_VALUE && now > last) {
            credit = now - last >= maxCredit ? maxCredit : Math.min(maxCredit, credit + (now - last));
        }
        last = last == Long.MIN_VALUE ? now : Math.max(last, now);
        if (credit < nanosPerToken) {
            return false;
        }
        credit -= nanosPerToken;
        return true;
    }
}
