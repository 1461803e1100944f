package io.jrtc.sctp;

/** Retransmission timeout from RTT measurements (RFC 9260 §6.3.1), with exponential back-off (§6.3.3 E2). */
final class RtoEstimator {
    private static final long GRANULARITY_NANOS = 1_000_000L;

    private final long min;
    private final long max;
    private long rto;
    private long srtt;
    private long rttvar;
    private boolean measured;

    RtoEstimator(long initial, long min, long max) {
        this.min = min;
        this.max = max;
        this.rto = clamp(initial);
    }

    /** C1-C3: fold in one round-trip measurement (never of a retransmitted chunk). */
    void measure(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        if (!measured) {
            srtt = rttNanos;
            rttvar = rttNanos / 2;
            measured = true;
        } else {
            rttvar = rttvar - (rttvar >> 2) + (Math.abs(srtt - rttNanos) >> 2);
            srtt = srtt - (srtt >> 3) + (rttNanos >> 3);
        }
        if (rttvar == 0) {
            rttvar = GRANULARITY_NANOS;
        }
        rto = clamp(srtt + 4 * rttvar);
    }

    /** E2: double the RTO after a timer expiry. */
    void backOff() {
        rto = clamp(rto > max / 2 ? max : rto * 2);
    }

    long rto() {
        return rto;
    }

    long smoothedRtt() {
        return srtt;
    }

    private long clamp(long v) {
        return Math.max(min, Math.min(max, v));
    }
}
