package io.jrtc.sctp;

/** A user message on its way out: fragmented lazily as packets are built, so queued messages cost no chunks. */
final class OutgoingMessage {
    final OutboundStream stream;
    final int ppid;
    final byte[] data;
    final boolean unordered;
    /** RFC 3758 limit on retransmissions; -1 for fully reliable. */
    final int maxRetransmits;
    /** Absolute deadline after which the message is abandoned (RFC 3758 timed reliability); MAX_VALUE for none. */
    final long expiresAt;
    int ssn;
    /** Bytes already cut into DATA chunks. */
    int nextOffset;
    long firstTsn = -1;
    long lastTsn = -1;
    /** Bytes cumulatively acknowledged (or released by abandonment). */
    long releasedBytes;
    boolean abandoned;

    OutgoingMessage(OutboundStream stream, int ppid, byte[] data, boolean unordered, int maxRetransmits,
                    long expiresAt) {
        this.stream = stream;
        this.ppid = ppid;
        this.data = data;
        this.unordered = unordered;
        this.maxRetransmits = maxRetransmits;
        this.expiresAt = expiresAt;
    }

    boolean started() {
        return nextOffset > 0;
    }

    /** RFC 3758: whether a chunk sent {@code transmissions} times should be given up rather than resent. */
    boolean shouldAbandon(int transmissions, long now) {
        return (maxRetransmits >= 0 && transmissions > maxRetransmits) || now >= expiresAt;
    }
}
