package io.jrtc.sctp;

import io.jrtc.sctp.wire.ShutdownAckChunk;
import io.jrtc.sctp.wire.ShutdownChunk;
import io.jrtc.sctp.wire.ShutdownCompleteChunk;

/**
 * Graceful close (RFC 9260 §9.2): SHUTDOWN once our data is all acknowledged, SHUTDOWN ACK once the peer's
 * SHUTDOWN is answered by our data being acknowledged, SHUTDOWN COMPLETE, and T2-shutdown retransmission.
 */
final class GracefulShutdown {
    private final SctpAssociation association;
    private final DataSender sender;
    private final DataReceiver receiver;
    private final RtoEstimator rto;
    private boolean shutdownDue;
    private boolean shutdownAckDue;
    private long deadline = Long.MAX_VALUE;

    GracefulShutdown(SctpAssociation association, DataSender sender, DataReceiver receiver, RtoEstimator rto) {
        this.association = association;
        this.sender = sender;
        this.receiver = receiver;
        this.rto = rto;
    }

    long deadline() {
        return deadline;
    }

    void stop() {
        deadline = Long.MAX_VALUE;
        shutdownDue = false;
        shutdownAckDue = false;
    }

    /** Moves SHUTDOWN-PENDING / SHUTDOWN-RECEIVED on once nothing of ours is queued or unacknowledged. */
    void progress(long now) {
        if (association.terminated || !sender.allDataAcknowledged()) {
            return;
        }
        if (association.state == SctpState.SHUTDOWN_PENDING) {
            association.state = SctpState.SHUTDOWN_SENT;
            shutdownDue = true;
            deadline = now + rto.rto();
        } else if (association.state == SctpState.SHUTDOWN_RECEIVED) {
            association.state = SctpState.SHUTDOWN_ACK_SENT;
            shutdownAckDue = true;
            deadline = now + rto.rto();
        }
    }

    void onShutdown(long now, int cumulativeTsnAck) {
        switch (association.state) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
                sender.onShutdownCumulativeAck(now, cumulativeTsnAck);
                association.state = SctpState.SHUTDOWN_RECEIVED;
            }
            case SHUTDOWN_SENT -> {
                // Both sides shut down at once: answer with SHUTDOWN ACK.
                association.state = SctpState.SHUTDOWN_ACK_SENT;
                shutdownDue = false;
                shutdownAckDue = true;
                deadline = now + rto.rto();
            }
            default -> {
            }
        }
    }

    void onShutdownAck() {
        SctpState state = association.state;
        if (state == SctpState.SHUTDOWN_SENT || state == SctpState.SHUTDOWN_ACK_SENT) {
            association.sendUrgent(association.peerTag, new ShutdownCompleteChunk(false));
            association.closeWith(new SctpEvent.Closed("shutdown complete"));
        }
    }

    /** In SHUTDOWN-SENT every packet with DATA is answered with SHUTDOWN and restarts T2. */
    void onDataReceived(long now) {
        if (association.state == SctpState.SHUTDOWN_SENT) {
            shutdownDue = true;
            deadline = now + rto.rto();
        }
    }

    boolean expired(long now) {
        return now >= deadline;
    }

    /** T2-shutdown expired (and the error counter allows another try): repeat SHUTDOWN or SHUTDOWN ACK. */
    void retransmit(long now) {
        rto.backOff();
        deadline = now + rto.rto();
        shutdownDue = association.state == SctpState.SHUTDOWN_SENT;
        shutdownAckDue = association.state == SctpState.SHUTDOWN_ACK_SENT;
    }

    void addChunks(PacketBuilder packet) {
        if (shutdownDue) {
            shutdownDue = false;
            packet.add(new ShutdownChunk((int) receiver.cumulativeTsn()));
        }
        if (shutdownAckDue) {
            shutdownAckDue = false;
            packet.add(new ShutdownAckChunk());
        }
    }
}
