package io.jrtc.rtp.cc;

/**
 * Turns the overuse detector's signal into a rate (draft-ietf-rmcat-gcc-02 §5.5): increase while the path is
 * normal, hold while the queue drains (underuse), and on overuse drop to {@link #BETA} of what the receiver got.
 * The increase is multiplicative (8 % a second) far from the link capacity seen at earlier drops and additive
 * (about a packet per response time) near it; it never runs ahead of 1.5 times what was acknowledged.
 * <p>
 * Our own probes are the exception: a probe sent above the link's rate on purpose builds a queue that the
 * trendline reads as overuse a feedback or two later. Over a real 1 Mbit/s token bucket every periodic probe cut
 * the estimate to 0.85 of what was acknowledged and the mean settled at 0.63-0.71 Mbit/s. Overuse within
 * {@link #PROBE_HOLD_NANOS} of a probe's start still drops the rate, so that the queue drains (held at the old
 * rate, a tail-drop queue stayed full: no delay trend, 7-8 % loss), but once the detector says normal again the
 * estimate goes back to where it was before the probe, or to what the probe measured if that was less.
 */
final class AimdRateControl {
    static final double BETA = 0.85;
    private static final double MULTIPLICATIVE_PER_SECOND = 1.08;
    private static final long MIN_ADDITIVE_BPS_PER_SECOND = 4_000;
    private static final long RESPONSE_SLACK_NANOS = 100_000_000L;
    /**
     * A drop shows in feedback only after the packets sent at the lower rate arrive and are reported: one RTT plus
     * the receiver's feedback interval (100 ms). Sooner, the same queue would be read twice and the rate cut twice.
     */
    private static final long FEEDBACK_INTERVAL_NANOS = 100_000_000L;
    private static final long MIN_REDUCE_INTERVAL_NANOS = 10_000_000L;
    private static final long MAX_REDUCE_INTERVAL_NANOS = 300_000_000L;
    /** How long a probe's own queue may show as overuse: its feedback, and the queue draining behind it. */
    static final long PROBE_HOLD_NANOS = 1_000_000_000L;
    private static final int ASSUMED_FPS = 30;
    private static final int MTU_PAYLOAD = 1200;

    private enum State { HOLD, INCREASE, DECREASE }

    private final long minBitrate;
    private final long maxBitrate;
    private long current;
    private State state = State.HOLD;
    private long lastChange = Long.MIN_VALUE;
    private long lastDecrease = Long.MIN_VALUE;
    private long roundTripTime = 200_000_000L;
    /** Link capacity in kbit/s seen at drops (exponentially averaged) and its normalised variance; -1 unknown. */
    private double linkCapacityKbps = -1;
    private double linkCapacityVariance = 0.4;
    /** The estimate when the last probe left, and until when overuse may be that probe's own queue. */
    private long beforeProbe;
    private long probeHoldUntil = Long.MIN_VALUE;
    private boolean droppedForProbe;
    /** Where to return once the probe's queue has drained (0: nowhere), confirmed by the probe's result. */
    private long restoreTo;

    AimdRateControl(long startBitrate, long minBitrate, long maxBitrate) {
        this.minBitrate = minBitrate;
        this.maxBitrate = maxBitrate;
        this.current = clamp(startBitrate);
    }

    long bitrate() {
        return current;
    }

    void setRoundTripTime(long nanos) {
        roundTripTime = nanos;
    }

    /** A probe leaves now: the queue it builds may read as overuse for a while. */
    void onProbeStarted(long now) {
        beforeProbe = current;
        probeHoldUntil = now + PROBE_HOLD_NANOS;
        droppedForProbe = false;
        restoreTo = 0;
    }

    /**
     * A probe measured {@code bitrate}: above the estimate, take it as the estimate (gcc-02 has no probing;
     * libwebrtc does this). If its queue already cost us a drop, or does later, go back to the estimate before
     * it once the queue drained, or to what the probe measured if that was less: a saturated probe measured no
     * more. With {@code restorable} false (the path is lossy), the drop stands.
     */
    void onProbeResult(long now, long bitrate, boolean restorable) {
        if (bitrate > current) {
            current = clamp(bitrate);
            lastChange = now;
        }
        if (now < probeHoldUntil && restorable) {
            restoreTo = Math.min(beforeProbe, bitrate);
        }
    }

    /** Applies one detector signal; {@code acknowledged} is the receive rate in bit/s or -1 unknown. */
    long update(long now, BandwidthUsage usage, long acknowledged) {
        if (lastChange == Long.MIN_VALUE) {
            lastChange = now;
        }
        switch (usage) {
            case OVERUSING -> state = State.DECREASE;
            case UNDERUSING -> state = State.HOLD;
            case NORMAL -> {
                if (state == State.HOLD) {
                    state = State.INCREASE;
                    lastChange = now;
                    restoreAfterProbe(now);
                }
            }
        }
        switch (state) {
            case INCREASE -> increase(now, acknowledged);
            case DECREASE -> decrease(now, acknowledged);
            case HOLD -> { }
        }
        return current;
    }

    private void increase(long now, long acknowledged) {
        if (linkCapacityKbps >= 0 && current / 1000.0 > linkCapacityKbps
                + 3 * Math.sqrt(linkCapacityVariance * linkCapacityKbps)) {
            linkCapacityKbps = -1;  // far above the old capacity: the path changed, search multiplicatively
        }
        double elapsed = Math.min(now - lastChange, 1_000_000_000L) / 1e9;
        long next;
        if (linkCapacityKbps >= 0) {
            next = current + (long) (nearMaxIncreasePerSecond() * elapsed);
        } else {
            next = (long) (current * Math.pow(MULTIPLICATIVE_PER_SECOND, elapsed)) + 1;
        }
        if (acknowledged > 0) {
            long ceiling = (long) (1.5 * acknowledged) + 10_000;
            if (next > ceiling) {
                next = Math.max(current, ceiling);
            }
        }
        current = clamp(next);
        lastChange = now;
    }

    private void restoreAfterProbe(long now) {
        if (droppedForProbe && restoreTo > 0 && now < probeHoldUntil + PROBE_HOLD_NANOS) {
            current = Math.max(current, clamp(restoreTo));
        }
        droppedForProbe = false;
    }

    /** About one packet of a 30 fps stream at this rate per response time (RTT + 100 ms). */
    private double nearMaxIncreasePerSecond() {
        double frameBytes = current / 8.0 / ASSUMED_FPS;
        double packetsPerFrame = Math.ceil(frameBytes / MTU_PAYLOAD);
        double packetBits = 8 * frameBytes / packetsPerFrame;
        double responseSeconds = (roundTripTime + RESPONSE_SLACK_NANOS) / 1e9;
        return Math.max(MIN_ADDITIVE_BPS_PER_SECOND, packetBits / responseSeconds);
    }

    private void decrease(long now, long acknowledged) {
        long interval = Math.max(MIN_REDUCE_INTERVAL_NANOS,
                Math.min(MAX_REDUCE_INTERVAL_NANOS, roundTripTime + FEEDBACK_INTERVAL_NANOS));
        if (lastDecrease != Long.MIN_VALUE && now - lastDecrease < interval) {
            return;  // the last drop has not been felt yet
        }
        long basis = acknowledged > 0 ? acknowledged : current;
        long next = (long) (BETA * basis);
        boolean probeQueue = now < probeHoldUntil;
        droppedForProbe = probeQueue;
        if (!probeQueue) {
            restoreTo = 0;  // congestion of the media's own making: no going back
        }
        if (next < current) {
            current = clamp(next);
        }
        if (acknowledged > 0 && !probeQueue) {
            updateLinkCapacity(acknowledged / 1000.0);  // a probe's burst tells nothing of the media's capacity
        }
        lastDecrease = now;
        lastChange = now;
        state = State.HOLD;
    }

    private void updateLinkCapacity(double acknowledgedKbps) {
        if (linkCapacityKbps < 0) {
            linkCapacityKbps = acknowledgedKbps;
        } else {
            linkCapacityKbps = 0.95 * linkCapacityKbps + 0.05 * acknowledgedKbps;
        }
        double error = linkCapacityKbps - acknowledgedKbps;
        linkCapacityVariance = 0.95 * linkCapacityVariance + 0.05 * error * error / Math.max(linkCapacityKbps, 1);
        linkCapacityVariance = Math.max(0.4, Math.min(2.5, linkCapacityVariance));
    }

    private long clamp(long bitrate) {
        return Math.max(minBitrate, Math.min(maxBitrate, bitrate));
    }
}
