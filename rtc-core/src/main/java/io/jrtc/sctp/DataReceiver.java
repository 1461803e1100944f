package io.jrtc.sctp;

import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.SackChunk;

/**
 * The receiving half of data transfer: TSN tracking, receive window, reassembly and ordered delivery, FORWARD
 * TSN, and when to acknowledge (RFC 9260 §6.2: SACK at least every second packet with DATA and at once when
 * TSNs are missing or duplicated, otherwise within 200 ms; RFC 7053 I bit: at once).
 */
final class DataReceiver {

    enum Outcome { ACCEPTED, DUPLICATE, NO_SPACE, INVALID_STREAM, EMPTY, TOO_LARGE }

    static final long DELAYED_ACK_NANOS = 200_000_000L;

    private final long window;
    /** What a full window still takes to fill a gap: one packet, as an open window takes one packet past its end. */
    private final long slack;
    private final DataTracker tracker = new DataTracker();
    private final InboundStreams streams;
    private final ReassemblyQueue reassembly;
    private int inboundStreams;
    private boolean ackNow;
    private boolean packetHadData;
    private boolean hadGaps;
    private int packetsSinceAck;
    private long delayedAckDeadline = Long.MAX_VALUE;
    private long lastAdvertisedWindow;

    DataReceiver(SctpConfig config, InboundStreams.Sink sink) {
        this.window = config.receiveWindow();
        this.slack = config.mtu();
        this.streams = new InboundStreams(sink);
        this.reassembly = new ReassemblyQueue(streams, config.maxMessageSize());
        this.lastAdvertisedWindow = window;
    }

    void start(int peerInitialTsn, int negotiatedInboundStreams) {
        tracker.start(peerInitialTsn);
        reassembly.start(tracker.cumulativeTsn() + 1);
        inboundStreams = negotiatedInboundStreams;
    }

    long cumulativeTsn() {
        return tracker.cumulativeTsn();
    }

    long highestReceived() {
        return tracker.highestReceived();
    }

    /** Bytes of fragments and of complete messages this receiver holds (not yet delivered to the user). */
    long heldBytes() {
        return reassembly.storedBytes() + streams.heldBytes();
    }

    /** The receive window left, given {@code undelivered} bytes of messages not yet taken by the user. */
    long advertisedWindow(long undelivered) {
        return Math.max(0, window - used(undelivered));
    }

    Outcome onData(DataChunk c, long undelivered) {
        packetHadData = true;
        if (c.immediateAck()) {
            ackNow = true;
        }
        long tsn = tracker.unwrap(c.tsn());
        if (tracker.isReceived(tsn)) {
            tracker.recordDuplicate(c.tsn());
            ackNow = true;
            return Outcome.DUPLICATE;
        }
        if (c.payload().length == 0) {
            return Outcome.EMPTY;
        }
        if (c.streamId() >= inboundStreams) {
            tracker.add(tsn);
            return Outcome.INVALID_STREAM;
        }
        long cum = tracker.cumulativeTsn();
        if (tsn - cum > ReassemblyQueue.MAX_CAPACITY || !hasRoom(tsn, c.payload().length, undelivered)) {
            ackNow = true;
            return Outcome.NO_SPACE;
        }
        int result = reassembly.add(tsn, c, cum);
        if (result == ReassemblyQueue.NO_SPACE) {
            ackNow = true;
            return Outcome.NO_SPACE;
        }
        if (result == ReassemblyQueue.TOO_LARGE) {
            return Outcome.TOO_LARGE;
        }
        if (tsn != cum + 1) {
            ackNow = true;
        }
        tracker.add(tsn);
        return Outcome.ACCEPTED;
    }

    /**
     * RFC 9260 §6.2. While the window is open (even by one byte) any chunk fits, as a sender may fill the last byte
     * with a whole packet. Once it is full, nothing above the highest TSN received is taken, and a chunk filling a
     * gap is taken only after dropping the largest TSNs held for reordering above it until it fits, and only if the
     * result stays within the window plus one packet: held bytes never exceed that however the peer spreads its
     * TSNs. The continuation of the message at the cumulative TSN is always taken: it is in order, counts against
     * no window, and is bounded by the maximum message size (a message larger than the window could otherwise
     * never complete).
     */
    private boolean hasRoom(long tsn, int length, long undelivered) {
        long cum = tracker.cumulativeTsn();
        if (advertisedWindow(undelivered) > 0 || reassembly.continuesHeadMessage(tsn, cum)) {
            return true;
        }
        if (tsn > tracker.highestReceived()) {
            return false;
        }
        while (used(undelivered) + length > window) {
            long dropped = reassembly.dropHighestAbove(tsn);
            if (dropped < 0) {
                break;
            }
            tracker.renege(dropped);
        }
        return used(undelivered) + length <= window + slack;
    }

    /** Bytes counted against the receive window. */
    private long used(long undelivered) {
        return reassembly.bytesCountedAgainstWindow(tracker.cumulativeTsn()) + streams.heldBytes() + undelivered;
    }

    /** Called once per received packet after its chunks: decides between an immediate and a delayed SACK. */
    void afterPacket(long now) {
        if (!packetHadData) {
            return;
        }
        packetHadData = false;
        packetsSinceAck++;
        boolean gaps = tracker.hasGaps();
        if (gaps || hadGaps || packetsSinceAck >= 2) {
            ackNow = true;
        }
        hadGaps = gaps;
        if (!ackNow && delayedAckDeadline == Long.MAX_VALUE) {
            delayedAckDeadline = now + DELAYED_ACK_NANOS;
        }
    }

    void onForwardTsn(ForwardTsnChunk chunk) {
        ackNow = true;
        long newCum = tracker.unwrap(chunk.newCumulativeTsn());
        if (newCum <= tracker.cumulativeTsn() || newCum - tracker.cumulativeTsn() > ReassemblyQueue.MAX_CAPACITY) {
            return;
        }
        reassembly.forwardTsn(newCum);
        for (ForwardTsnChunk.SkippedStream s : chunk.skippedStreams()) {
            if (s.streamId() < inboundStreams) {
                streams.skip(s.streamId(), s.ssn());
            }
        }
        tracker.forwardTo(newCum);
    }

    void resetStreams(int[] streamIds) {
        streams.reset(streamIds);
    }

    /** Forces a SACK with the next packet (e.g. in answer to a SHUTDOWN or a window update). */
    void requestAck() {
        ackNow = true;
    }

    boolean ackDue() {
        return ackNow;
    }

    boolean ackPending() {
        return ackNow || delayedAckDeadline != Long.MAX_VALUE;
    }

    /** When the delayed SACK is due; an immediate SACK goes out with the next {@code pollTransmit}. */
    long ackDeadline() {
        return delayedAckDeadline;
    }

    void onTimeout(long now) {
        if (now >= delayedAckDeadline) {
            ackNow = true;
        }
    }

    /**
     * RFC 9260 §6.2 window update: after the user drained messages, tell the sender when the window has reopened
     * substantially (a quarter of it) from what was last advertised.
     */
    void onUserConsumed(long undelivered) {
        long current = advertisedWindow(undelivered);
        if (lastAdvertisedWindow < window / 2 && current - lastAdvertisedWindow >= window / 4) {
            ackNow = true;
        }
    }

    SackChunk buildSack(int maxLength, long undelivered) {
        long a = advertisedWindow(undelivered);
        lastAdvertisedWindow = a;
        ackNow = false;
        packetsSinceAck = 0;
        delayedAckDeadline = Long.MAX_VALUE;
        return tracker.buildSack(a, maxLength);
    }
}
