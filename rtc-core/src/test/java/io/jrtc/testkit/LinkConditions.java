package io.jrtc.testkit;

import java.time.Duration;

/**
 * What a simulated link does to each datagram, in one direction: it is lost with probability {@code lossRate};
 * else it waits for the link (a {@code bandwidthBitsPerSecond} cap serialises datagrams one after another, and a
 * datagram that would make the bytes queued or on the wire, itself included, exceed {@code queueLimitBytes} is
 * tail-dropped), then travels for {@code delay} plus a uniform random part of {@code jitter} (a jitter larger than
 * the spacing of datagrams reorders them), and arrives a second time, with its own jitter, with probability {@code duplicationRate}.
 *
 * @param bandwidthBitsPerSecond 0 for no cap (and no queue)
 */
public record LinkConditions(double lossRate, Duration delay, Duration jitter, double duplicationRate,
                             long bandwidthBitsPerSecond, int queueLimitBytes) {
    public LinkConditions {
        rate("lossRate", lossRate);
        rate("duplicationRate", duplicationRate);
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("delay and jitter must not be negative: " + delay + ", " + jitter);
        }
        if (bandwidthBitsPerSecond < 0 || queueLimitBytes < 0) {
            throw new IllegalArgumentException("bandwidth and queue limit must not be negative");
        }
    }

    /** Nothing lost, delayed, reordered or duplicated, no cap. */
    public static LinkConditions perfect() {
        return new LinkConditions(0, Duration.ZERO, Duration.ZERO, 0, 0, 0);
    }

    /** Every datagram lost: a cut cable. */
    public static LinkConditions cut() {
        return perfect().withLoss(1);
    }

    public LinkConditions withLoss(double rate) {
        return new LinkConditions(rate, delay, jitter, duplicationRate, bandwidthBitsPerSecond, queueLimitBytes);
    }

    public LinkConditions withDelay(Duration oneWay, Duration jitterUpTo) {
        return new LinkConditions(lossRate, oneWay, jitterUpTo, duplicationRate, bandwidthBitsPerSecond,
                queueLimitBytes);
    }

    public LinkConditions withDuplication(double rate) {
        return new LinkConditions(lossRate, delay, jitter, rate, bandwidthBitsPerSecond, queueLimitBytes);
    }

    public LinkConditions withBandwidth(long bitsPerSecond, int queueLimit) {
        return new LinkConditions(lossRate, delay, jitter, duplicationRate, bitsPerSecond, queueLimit);
    }

    private static void rate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + rate);
        }
    }
}
