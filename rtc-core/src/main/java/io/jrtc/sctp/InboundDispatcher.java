package io.jrtc.sctp;

import io.jrtc.sctp.wire.AbortChunk;
import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.ChunkType;
import io.jrtc.sctp.wire.CookieEchoChunk;
import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ErrorCause;
import io.jrtc.sctp.wire.ErrorChunk;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.HeartbeatAckChunk;
import io.jrtc.sctp.wire.HeartbeatChunk;
import io.jrtc.sctp.wire.InitAckChunk;
import io.jrtc.sctp.wire.InitChunk;
import io.jrtc.sctp.wire.ReConfigChunk;
import io.jrtc.sctp.wire.SackChunk;
import io.jrtc.sctp.wire.SctpPacket;
import io.jrtc.sctp.wire.ShutdownAckChunk;
import io.jrtc.sctp.wire.ShutdownChunk;
import io.jrtc.sctp.wire.ShutdownCompleteChunk;
import io.jrtc.sctp.wire.UnknownChunk;

import java.util.List;

/**
 * Routes the chunks of a received packet (RFC 9260 §8.5 verification tag rules, §8.4 out-of-the-blue packets,
 * §3.2 unrecognized chunk types) to the handshake, data, heartbeat, shutdown and stream reset handlers.
 */
final class InboundDispatcher {
    private final SctpAssociation association;
    private final Handshake handshake;
    private final DataReceiver receiver;
    private final DataSender sender;
    private final Heartbeats heartbeats;
    private final GracefulShutdown shutdown;
    private final StreamResetHandler resets;
    private long now;

    InboundDispatcher(SctpAssociation association, Handshake handshake, DataReceiver receiver, DataSender sender,
                      Heartbeats heartbeats, GracefulShutdown shutdown, StreamResetHandler resets) {
        this.association = association;
        this.handshake = handshake;
        this.receiver = receiver;
        this.sender = sender;
        this.heartbeats = heartbeats;
        this.shutdown = shutdown;
        this.resets = resets;
    }

    /** Dispatches the chunks of a checksummed packet; returns false when the packet was not for us. */
    boolean process(long now, SctpPacket p, int length) {
        this.now = now;
        List<Chunk> chunks = p.chunks();
        Chunk first = chunks.get(0);
        int vtag = p.verificationTag();
        if (first instanceof InitChunk init) {
            if (chunks.size() != 1 || vtag != 0 || association.terminated) {
                return association.drop("INIT bundled, with a tag, or after close");
            }
            association.accepted(length);
            handshake.onInit(now, init);
            return true;
        }
        int start = 0;
        if (first instanceof CookieEchoChunk echo && !association.terminated) {
            if (!handshake.onCookieEcho(now, vtag, echo)) {
                return association.drop("unusable COOKIE ECHO");
            }
            start = 1;
        } else if (first instanceof AbortChunk abort) {
            return onAbort(vtag, abort, length);
        } else if (first instanceof ShutdownCompleteChunk complete) {
            return onShutdownComplete(vtag, complete, length);
        } else if (association.terminated || association.state == SctpState.CLOSED) {
            return outOfTheBlue(p);
        } else if (vtag != association.localTag) {
            return association.drop("verification tag mismatch");
        }
        association.accepted(length);
        for (int i = start; i < chunks.size() && !association.terminated; i++) {
            if (!dispatch(chunks.get(i), vtag, length)) {
                break;
            }
        }
        return true;
    }

    /** Handles one chunk; false stops processing the rest of the packet. */
    private boolean dispatch(Chunk c, int vtag, int length) {
        switch (c.type()) {
            case ChunkType.DATA -> onData((DataChunk) c);
            case ChunkType.SACK -> onSack((SackChunk) c);
            case ChunkType.INIT_ACK -> handshake.onInitAck(now, (InitAckChunk) c);
            case ChunkType.COOKIE_ACK -> handshake.onCookieAck(now);
            case ChunkType.HEARTBEAT -> association.queueControl(new HeartbeatAckChunk(((HeartbeatChunk) c).info()));
            case ChunkType.HEARTBEAT_ACK -> {
                if (heartbeats.onAck(now, ((HeartbeatAckChunk) c).info())) {
                    association.resetErrorCount();
                }
            }
            case ChunkType.ABORT -> {
                onAbort(vtag, (AbortChunk) c, 0);
                return false;
            }
            case ChunkType.SHUTDOWN -> shutdown.onShutdown(now, ((ShutdownChunk) c).cumulativeTsnAck());
            case ChunkType.SHUTDOWN_ACK -> shutdown.onShutdownAck();
            case ChunkType.SHUTDOWN_COMPLETE -> onShutdownComplete(vtag, (ShutdownCompleteChunk) c, 0);
            case ChunkType.ERROR -> handshake.onError(now, (ErrorChunk) c);
            case ChunkType.FORWARD_TSN -> {
                if (dataFlows()) {
                    receiver.onForwardTsn((ForwardTsnChunk) c);
                }
            }
            case ChunkType.RE_CONFIG -> {
                if (association.state.compareTo(SctpState.ESTABLISHED) >= 0) {
                    resets.onReConfig(now, (ReConfigChunk) c);
                }
            }
            case ChunkType.INIT, ChunkType.COOKIE_ECHO -> {
                return association.drop("INIT or COOKIE ECHO bundled with other chunks");
            }
            default -> {
                return onUnknown((UnknownChunk) c);
            }
        }
        return true;
    }

    private boolean onUnknown(UnknownChunk c) {
        ChunkType.UnrecognizedAction action = ChunkType.UnrecognizedAction.of(c.type());
        if (action.report()) {
            association.queueControl(new ErrorChunk(List.of(ErrorCause.unrecognizedChunk(c.toBytes()))));
        }
        return action.skip();
    }

    private boolean dataFlows() {
        if (association.state == SctpState.COOKIE_ECHOED) {
            // The peer only sends DATA or SACK once established: our COOKIE ACK was lost (RFC 9260 §5.1 D).
            handshake.onCookieAck(now);
        }
        return association.state.compareTo(SctpState.ESTABLISHED) >= 0;
    }

    private void onData(DataChunk d) {
        if (!dataFlows()) {
            return;
        }
        association.counters.dataChunksReceived++;
        switch (receiver.onData(d, association.undeliveredBytes())) {
            case DUPLICATE -> association.counters.duplicateTsns++;
            case INVALID_STREAM ->
                    association.queueControl(new ErrorChunk(List.of(ErrorCause.invalidStreamIdentifier(d.streamId()))));
            case EMPTY -> association.abortWith(ErrorCause.noUserData(d.tsn()));
            case TOO_LARGE -> association.abortWith(ErrorCause.protocolViolation("message exceeds max-message-size"));
            default -> {
            }
        }
        shutdown.onDataReceived(now);
    }

    private void onSack(SackChunk s) {
        if (!dataFlows()) {
            return;
        }
        if (sender.onSack(now, s) || s.advertisedReceiverWindowCredit() == 0) {
            // Progress, or a closed window being probed (RFC 9260 §6.1): the peer is alive.
            association.resetErrorCount();
        }
    }

    private boolean onAbort(int vtag, AbortChunk abort, int length) {
        boolean tagOk = abort.reflectedTag()
                ? vtag == association.peerTag && association.peerTag != 0 || association.state == SctpState.COOKIE_WAIT && vtag == association.localTag
                : vtag == association.localTag && association.localTag != 0;
        if (!tagOk || association.terminated || association.state == SctpState.CLOSED) {
            return association.drop("ABORT with a foreign tag");
        }
        if (length > 0) {
            association.accepted(length);
        }
        association.closeWith(new SctpEvent.Aborted(abort.describe()));
        return true;
    }

    private boolean onShutdownComplete(int vtag, ShutdownCompleteChunk c, int length) {
        boolean tagOk = c.reflectedTag() ? vtag == association.peerTag : vtag == association.localTag;
        if (!tagOk || association.state != SctpState.SHUTDOWN_ACK_SENT) {
            return association.drop("unexpected SHUTDOWN COMPLETE");
        }
        if (length > 0) {
            association.accepted(length);
        }
        association.closeWith(new SctpEvent.Closed("shutdown complete"));
        return true;
    }

    /** RFC 9260 §8.4: out-of-the-blue packets; only a SHUTDOWN ACK is answered (SHUTDOWN COMPLETE, T bit). */
    private boolean outOfTheBlue(SctpPacket p) {
        for (Chunk c : p.chunks()) {
            if (c instanceof ShutdownAckChunk) {
                association.sendUrgent(p.verificationTag(), new ShutdownCompleteChunk(true));
                break;
            }
        }
        return association.drop("out of the blue");
    }
}
