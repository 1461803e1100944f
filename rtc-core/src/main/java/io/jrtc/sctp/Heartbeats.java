package io.jrtc.sctp;

import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.HeartbeatChunk;
import io.jrtc.sctp.wire.NetworkBytes;

import java.util.Queue;
import java.util.random.RandomGenerator;

/**
 * Path heartbeats (RFC 9260 §8.3): an idle association sends a HEARTBEAT every HB.interval + RTO; the info
 * carries the send time and a random nonce, so only our own HEARTBEAT ACKs count and each yields an RTT sample.
 */
final class Heartbeats {
    private static final int INFO_LENGTH = 16;

    private final long interval;
    private final RtoEstimator rto;
    private final RandomGenerator random;
    private long deadline = Long.MAX_VALUE;
    private long nonce;
    private boolean outstanding;

    Heartbeats(SctpConfig config, RtoEstimator rto, RandomGenerator random) {
        this.interval = config.heartbeatIntervalNanos();
        this.rto = rto;
        this.random = random;
    }

    void start(long now) {
        if (interval > 0) {
            deadline = now + interval;
        }
    }

    long deadline() {
        return deadline;
    }

    /** DATA went out: the path is not idle, and the T3 timer now watches the peer. */
    void onDataSent(long now) {
        if (interval > 0) {
            deadline = now + interval + rto.rto();
            outstanding = false;
        }
    }

    /** Sends a HEARTBEAT if due; returns true when the previous one went unanswered (an association error). */
    boolean onTimeout(long now, boolean established, Queue<Chunk> control) {
        if (now < deadline) {
            return false;
        }
        deadline = now + interval + rto.rto();
        if (!established) {
            return false;
        }
        boolean unanswered = outstanding;
        nonce = random.nextLong();
        byte[] info = new byte[INFO_LENGTH];
        NetworkBytes.put64(info, 0, now);
        NetworkBytes.put64(info, 8, nonce);
        control.add(new HeartbeatChunk(info));
        outstanding = true;
        return unanswered;
    }

    /** True when the ACK answers our outstanding HEARTBEAT. */
    boolean onAck(long now, byte[] info) {
        if (!outstanding || info.length != INFO_LENGTH || NetworkBytes.i64(info, 8) != nonce) {
            return false;
        }
        outstanding = false;
        rto.measure(now - NetworkBytes.i64(info, 0));
        return true;
    }
}
