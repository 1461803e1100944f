package io.jrtc.stun;

import java.util.concurrent.TimeUnit;

/**
 * When a client transaction over UDP retransmits and gives up (RFC 8489 §6.2.1): the first retransmission after
 * {@code initialRtoNanos}, each later wait doubled up to {@code maxRtoNanos}, at most {@code maxTransmissions}
 * requests (Rc), and after the last one a final wait of {@code finalWaitMultiplier} (Rm) times the initial RTO.
 */
public record StunRetransmissionPolicy(long initialRtoNanos, long maxRtoNanos, int maxTransmissions,
                                       int finalWaitMultiplier) {
    public StunRetransmissionPolicy {
        if (initialRtoNanos <= 0 || maxRtoNanos < initialRtoNanos) {
            throw new IllegalArgumentException("need 0 < initialRto <= maxRto");
        }
        if (maxTransmissions < 1 || finalWaitMultiplier < 1) {
            throw new IllegalArgumentException("need at least one transmission and a positive final wait");
        }
    }

    /** RFC 8489 defaults: RTO 500 ms, doubling without cap, Rc = 7, Rm = 16, so 39.5 s in all. */
    public static StunRetransmissionPolicy rfcDefault() {
        return new StunRetransmissionPolicy(TimeUnit.MILLISECONDS.toNanos(500), Long.MAX_VALUE / 4, 7, 16);
    }

    /** Total time from the first request until the transaction is given up, when nothing answers. */
    public long totalTimeoutNanos() {
        long total = 0;
        long rto = initialRtoNanos;
        for (int i = 1; i < maxTransmissions; i++) {
            total += rto;
            rto = Math.min(rto * 2, maxRtoNanos);
        }
        return total + finalWaitMultiplier * initialRtoNanos;
    }
}
