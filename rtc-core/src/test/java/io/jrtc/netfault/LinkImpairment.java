package io.jrtc.netfault;

import java.time.Duration;

/**
 * What an {@link ImpairedLink} does to every datagram, in each direction: the kernel drops {@code lossPercent} of
 * them at random (an nf_tables {@code numgen random} rule), the relay holds each for {@code delay} (from the offerer
 * to the answerer; {@code returnDelay} the other way), and {@code jitterPercent} of them for a uniform random part of
 * {@code jitter} more (a jitter wider than the spacing of datagrams reorders them), and a token bucket ({@code tbf})
 * on each end of the veth pair caps the rate at {@code rateBitsPerSecond} (0: no cap).
 */
public record LinkImpairment(int lossPercent, Duration delay, Duration returnDelay, Duration jitter,
                             int jitterPercent, long rateBitsPerSecond) {
    public LinkImpairment {
        if (lossPercent < 0 || lossPercent > 100 || jitterPercent < 0 || jitterPercent > 100) {
            throw new IllegalArgumentException("lossPercent and jitterPercent must be in [0, 100]: " + lossPercent
                    + ", " + jitterPercent);
        }
        if (delay.isNegative() || returnDelay.isNegative() || jitter.isNegative() || rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("delay, jitter and rate must not be negative");
        }
    }

    /** A link that only carries datagrams across the veth pair and the relay. */
    public static LinkImpairment none() {
        return new LinkImpairment(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, 100, 0);
    }

    public LinkImpairment withLoss(int percent) {
        return new LinkImpairment(percent, delay, returnDelay, jitter, jitterPercent, rateBitsPerSecond);
    }

    /** The same delay both ways, and up to {@code jitterUpTo} more for every datagram. */
    public LinkImpairment withDelay(Duration oneWay, Duration jitterUpTo) {
        return new LinkImpairment(lossPercent, oneWay, oneWay, jitterUpTo, 100, rateBitsPerSecond);
    }

    /** A different delay from the answerer back to the offerer. */
    public LinkImpairment withReturnDelay(Duration oneWay) {
        return new LinkImpairment(lossPercent, delay, oneWay, jitter, jitterPercent, rateBitsPerSecond);
    }

    /** Jitter for only {@code percent} of the datagrams: reordering now and then rather than all the time. */
    public LinkImpairment withJitterFor(int percent) {
        return new LinkImpairment(lossPercent, delay, returnDelay, jitter, percent, rateBitsPerSecond);
    }

    public LinkImpairment withRate(long bitsPerSecond) {
        return new LinkImpairment(lossPercent, delay, returnDelay, jitter, jitterPercent, bitsPerSecond);
    }
}
