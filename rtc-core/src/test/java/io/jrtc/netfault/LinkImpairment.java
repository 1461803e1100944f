package io.jrtc.netfault;

import java.time.Duration;

/**
 * What an {@link ImpairedLink} does to every datagram, in each direction: the kernel drops {@code lossPercent} of
 * them at random (an nf_tables {@code numgen random} rule), the relay holds each for {@code delay} plus a uniform
 * random part of {@code jitter} (a jitter wider than the spacing of datagrams reorders them), and a token bucket
 * ({@code tbf}) on each end of the veth pair caps the rate at {@code rateBitsPerSecond} (0: no cap).
 */
public record LinkImpairment(int lossPercent, Duration delay, Duration jitter, long rateBitsPerSecond) {
    public LinkImpairment {
        if (lossPercent < 0 || lossPercent > 100) {
            throw new IllegalArgumentException("lossPercent must be in [0, 100]: " + lossPercent);
        }
        if (delay.isNegative() || jitter.isNegative() || rateBitsPerSecond < 0) {
            throw new IllegalArgumentException("delay, jitter and rate must not be negative");
        }
    }

    /** A link that only carries datagrams across the veth pair and the relay. */
    public static LinkImpairment none() {
        return new LinkImpairment(0, Duration.ZERO, Duration.ZERO, 0);
    }

    public LinkImpairment withLoss(int percent) {
        return new LinkImpairment(percent, delay, jitter, rateBitsPerSecond);
    }

    public LinkImpairment withDelay(Duration oneWay, Duration jitterUpTo) {
        return new LinkImpairment(lossPercent, oneWay, jitterUpTo, rateBitsPerSecond);
    }

    public LinkImpairment withRate(long bitsPerSecond) {
        return new LinkImpairment(lossPercent, delay, jitter, bitsPerSecond);
    }
}
