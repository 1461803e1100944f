package io.jrtc.rtp.cc;

/**
 * The loss-based half of the estimator (draft-ietf-rmcat-gcc-02 §6), as a cap on the target, judged over a
 * second and at least 20 packets at a time: with more than 10 %
 * of the packets lost the cap drops to the target times (1 - loss/2), at most once per {@link #DECREASE_INTERVAL}
 * plus an RTT; under 2 % it grows 8 % a second, and once it is far above the target it no longer limits anything.
 * Losses come from transport-wide feedback, or from RTCP report blocks when the peer gives no such feedback.
 */
final class LossBasedEstimator {
    static final long UNLIMITED = Long.MAX_VALUE;
    private static final double LOW_LOSS = 0.02;
    private static final double HIGH_LOSS = 0.10;
    private static final int MIN_PACKETS = 20;
    /** Loss is judged over at least this long: a burst of drops at one overshoot is not a lossy path. */
    private static final long MIN_WINDOW_NANOS = 1_000_000_000L;
    private static final long DECREASE_INTERVAL = 300_000_000L;
    private static final double GROWTH_PER_SECOND = 1.08;

    private long cap = UNLIMITED;
    private long lost;
    private long expected;
    private long lastDecrease = Long.MIN_VALUE;
    private long lastUpdate = Long.MIN_VALUE;
    private long windowStart = Long.MIN_VALUE;
    private long roundTripTime = 200_000_000L;
    private double lastLossFraction;

    void setRoundTripTime(long nanos) {
        roundTripTime = nanos;
    }

    /** {@code lostPackets} of {@code packets} were lost; {@code target} is the current target in bit/s. */
    void onLoss(long now, int lostPackets, int packets, long target) {
        lost += lostPackets;
        expected += packets;
        if (windowStart == Long.MIN_VALUE) {
            windowStart = now;
        }
        if (expected < MIN_PACKETS || now - windowStart < MIN_WINDOW_NANOS) {
            return;
        }
        windowStart = now;
        double loss = (double) lost / expected;
        lastLossFraction = loss;
        lost = 0;
        expected = 0;
        if (loss > HIGH_LOSS) {
            if (lastDecrease == Long.MIN_VALUE || now - lastDecrease >= DECREASE_INTERVAL + roundTripTime) {
                cap = (long) (Math.min(cap, target) * (1 - loss / 2));
                lastDecrease = now;
            }
        } else if (loss < LOW_LOSS) {
            grow(now, target);
        }
        lastUpdate = now;
    }

    /** A fraction lost (RFC 3550 §6.4.1, out of 256) over {@code packets} packets, from a report block. */
    void onFractionLost(long now, int fractionLost, int packets, long target) {
        int lostPackets = (int) Math.round(packets * fractionLost / 256.0);
        onLoss(now, lostPackets, Math.max(packets, MIN_PACKETS), target);
    }

    private void grow(long now, long target) {
        if (cap == UNLIMITED) {
            return;
        }
        double elapsed = lastUpdate == Long.MIN_VALUE ? 0 : Math.min(now - lastUpdate, 1_000_000_000L) / 1e9;
        cap = (long) (Math.max(cap, target) * Math.pow(GROWTH_PER_SECOND, elapsed)) + 1_000;
        if (cap > 2 * target) {
            cap = UNLIMITED;
        }
    }

    /**
     * A probe got {@code bitrate} through: the cap is at least that, unless the path was lossy at the last look
     * (a probe measures capacity, not loss, and random loss is no queue a probe would see).
     */
    void onProbeResult(long bitrate) {
        if (cap != UNLIMITED && lastLossFraction < HIGH_LOSS) {
            cap = Math.max(cap, bitrate);
        }
    }

    long cap() {
        return cap;
    }

    double lastLossFraction() {
        return lastLossFraction;
    }
}
