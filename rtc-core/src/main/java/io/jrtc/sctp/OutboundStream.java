package io.jrtc.sctp;

import java.util.ArrayDeque;

/** One outgoing stream: its queue, next SSN, buffered amount and stream-reset progress (RFC 6525 §5.1.2). */
final class OutboundStream {
    final int id;
    final ArrayDeque<OutgoingMessage> queue = new ArrayDeque<>();
    int nextSsn;
    /** Bytes queued or in flight and not yet cumulatively acknowledged. */
    long buffered;
    long lowThreshold;
    boolean scheduled;
    boolean resetRequested;
    /** Messages queued before the reset request that still have to be sent before the stream pauses. */
    int messagesBeforeReset;
    /** Sending stopped until the peer answers the reset request. */
    boolean paused;

    OutboundStream(int id) {
        this.id = id;
    }
}
