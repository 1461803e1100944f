package io.jrtc.sctp;

/**
 * Congestion control of the single DTLS path (RFC 9260 §7.2): slow start, congestion avoidance with
 * partial_bytes_acked, the fast recovery episode, and the collapse after a T3-rtx timeout. cwnd grows without any
 * cap beyond these rules.
 */
final class CongestionController {
    private final int mtu;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private boolean inFastRecovery;
    private long fastRecoveryExit;

    CongestionController(int mtu) {
        this.mtu = mtu;
    }

    /** §7.2.1: initial cwnd min(4*MTU, max(2*MTU, 4380)), ssthresh the peer's advertised window. */
    void start(long peerWindow) {
        cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
        ssthresh = peerWindow;
    }

    long cwnd() {
        return cwnd;
    }

    boolean inFastRecovery() {
        return inFastRecovery;
    }

    /**
     * A SACK advanced the cumulative ack, acknowledging {@code newlyAcked} bytes. Slow start adds at most one MTU
     * per SACK, congestion avoidance one MTU per cwnd acknowledged; both only while cwnd was in full use and not
     * during fast recovery.
     */
    void onCumulativeAckAdvanced(long flightBefore, long newlyAcked) {
        if (inFastRecovery) {
            return;
        }
        boolean fullyUsed = flightBefore + mtu > cwnd;
        if (cwnd <= ssthresh) {
            if (fullyUsed) {
                cwnd += Math.min(newlyAcked, mtu);
            }
        } else {
            partialBytesAcked += newlyAcked;
            if (partialBytesAcked >= cwnd && fullyUsed) {
                partialBytesAcked -= cwnd;
                cwnd += mtu;
            }
        }
    }

    /** After SACK processing: §7.2.2 resets partial_bytes_acked when nothing is in flight; §7.2.4 exit point. */
    void afterSack(long flightSize, long cumulativeAck) {
        if (flightSize == 0) {
            partialBytesAcked = 0;
        }
        if (inFastRecovery && cumulativeAck >= fastRecoveryExit) {
            inFastRecovery = false;
        }
    }

    /** §7.2.3/§7.2.4: the first fast retransmit of an episode halves cwnd; later ones in it do not. */
    void onFastRetransmit(long highestOutstandingTsn) {
        if (inFastRecovery) {
            return;
        }
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = ssthresh;
        partialBytesAcked = 0;
        inFastRecovery = true;
        fastRecoveryExit = highestOutstandingTsn;
    }

    /** §7.2.3: after T3-rtx expiry cwnd restarts from one MTU. */
    void onRetransmissionTimeout() {
        ssthresh = Math.max(cwnd / 2, 4L * mtu);
        cwnd = mtu;
        partialBytesAcked = 0;
        inFastRecovery = false;
    }
}
