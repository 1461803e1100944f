package io.jrtc.sctp;

/** A DATA chunk that has a TSN and is not yet cumulatively acknowledged; recycled through the sender's ring. */
final class OutstandingChunk {
    static final byte IN_FLIGHT = 0;
    static final byte GAP_ACKED = 1;
    static final byte TO_RETRANSMIT = 2;
    static final byte ABANDONED = 3;

    OutgoingMessage message;
    int offset;
    int length;
    int flags;
    int ssn;
    byte state;
    int transmissions;
    long sentAt;
    int missIndications;
    boolean fastRetransmitted;
}
