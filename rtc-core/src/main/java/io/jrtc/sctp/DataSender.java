package io.jrtc.sctp;

import io.jrtc.sctp.wire.DataChunk;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.SackChunk;

/**
 * The sending half of data transfer (RFC 9260 §6.1-6.3, §7): fragmentation into DATA chunks, the outstanding
 * chunks in a ring indexed by TSN, SACK processing, T3-rtx and fast retransmit, congestion control (slow start,
 * congestion avoidance, fast recovery), receiver window and zero-window probing. Partial reliability (RFC 3758
 * abandonment and the Advanced.Peer.Ack.Point) lives in {@link #abandon} and {@link ForwardTsnBuilder}.
 * <p>
 * Costs: a SACK costs O(newly acknowledged chunks + holes below the highest newly acknowledged TSN + log n);
 * repeated gap blocks are recognised through {@link TsnIntervalSet} and not walked again.
 */
final class DataSender {

    /** Told when a stream's buffered amount falls to its low threshold. */
    @FunctionalInterface
    interface Listener {
        void bufferedAmountLow(int streamId);
    }

    private static final int MAX_OUTSTANDING_CHUNKS = 1 << 18;
    private static final int FAST_RETRANSMIT_THRESHOLD = 3;

    final SendQueue queue = new SendQueue();
    private final int maxFragment;
    private final SctpCounters counters;
    private final RtoEstimator rto;
    private final Listener listener;
    private final TsnIntervalSet gapAcked = new TsnIntervalSet();
    private final LongMinHeap retransmits = new LongMinHeap();
    private final TsnIntervalSet.RangeConsumer onNewlyGapAcked = this::newlyGapAcked;
    private final TsnIntervalSet.RangeConsumer onMissing = this::missing;
    private final OutstandingRing outstanding = new OutstandingRing();
    private final CongestionController congestion;
    private long headTsn;
    private long nextTsn;
    private long flightSize;
    private long peerRwnd;
    private boolean fastRetransmitPending;
    private boolean partialReliability;
    private long advancedPeerAckPoint;
    private long ackPointScan;
    private boolean forwardTsnDue;
    private long t3Deadline = Long.MAX_VALUE;
    private long sackNow;
    private long newlyAckedBytes;
    private long highestNewlyAcked;
    private long rttSampleSentAt;

    DataSender(SctpConfig config, SctpCounters counters, RtoEstimator rto, Listener listener) {
        this.maxFragment = (config.mtu() - 12 - DataChunk.HEADER_LENGTH) & ~3;
        this.counters = counters;
        this.rto = rto;
        this.listener = listener;
        this.congestion = new CongestionController(config.mtu());
    }

    /** Starts sending at our initial TSN; ssthresh begins at the peer's window (RFC 9260 §7.2.1). */
    void start(int initialTsn, long peerWindow, boolean peerSupportsForwardTsn) {
        headTsn = (1L << 32) + (initialTsn & 0xFFFF_FFFFL);
        nextTsn = headTsn;
        advancedPeerAckPoint = headTsn - 1;
        ackPointScan = headTsn;
        peerRwnd = peerWindow;
        congestion.start(peerWindow);
        partialReliability = peerSupportsForwardTsn;
    }

    long congestionWindow() {
        return congestion.cwnd();
    }

    long peerReceiveWindow() {
        return peerRwnd;
    }

    long flightSize() {
        return flightSize;
    }

    long t3Deadline() {
        return t3Deadline;
    }

    /** The cumulative TSN the peer acknowledged, unwrapped. */
    long cumulativeAck() {
        return headTsn - 1;
    }

    /** RFC 6525 Sender's Last Assigned TSN. */
    int lastAssignedTsn() {
        return (int) (nextTsn - 1);
    }

    /** Nothing queued, nothing outstanding: the condition for sending SHUTDOWN (RFC 9260 §9.2). */
    boolean allDataAcknowledged() {
        return headTsn == nextTsn && queue.isEmpty();
    }

    boolean forwardTsnDue() {
        return forwardTsnDue;
    }

    /** Whether a packet built now would carry DATA (used to piggyback a pending SACK). */
    boolean hasDataToSend() {
        boolean cwndOpen = flightSize < congestion.cwnd() || fastRetransmitPending;
        if (!retransmits.isEmpty()) {
            return cwndOpen;
        }
        return cwndOpen && (peerRwnd > 0 || flightSize == 0) && queue.current() != null;
    }

    // ------------------------------------------------------------------------------------------------ transmit

    /**
     * Adds DATA to the packet: retransmissions first (lowest TSN first; a fast retransmission goes out regardless
     * of cwnd, RFC 9260 §7.2.4 step 3), then new data while cwnd and the peer's window allow (§6.1 A and B).
     * Returns whether any DATA was added.
     */
    boolean fill(PacketBuilder packet, long now) {
        boolean added = sendRetransmissions(packet, now);
        if (!retransmits.isEmpty()) {
            return added;
        }
        return sendNewData(packet, now) || added;
    }

    /** Lowest TSN first; the first packet after a fast retransmit ignores cwnd. True if any chunk went out. */
    private boolean sendRetransmissions(PacketBuilder packet, long now) {
        boolean ignoreCwnd = fastRetransmitPending;
        boolean added = false;
        while (!retransmits.isEmpty()) {
            long tsn = retransmits.peek();
            OutstandingChunk c = tsn >= headTsn && tsn < nextTsn ? chunk(tsn) : null;
            if (c == null || c.state != OutstandingChunk.TO_RETRANSMIT) {
                retransmits.poll();
                continue;
            }
            if (!ignoreCwnd && flightSize >= congestion.cwnd()) {
                break;
            }
            if (partialReliability && now >= c.message.expiresAt) {
                retransmits.poll();
                abandon(c.message);
                continue;
            }
            if (!packet.fits(DataChunk.HEADER_LENGTH + c.length)) {
                break;
            }
            retransmits.poll();
            write(packet, tsn, c);
            c.state = OutstandingChunk.IN_FLIGHT;
            c.transmissions++;
            c.sentAt = now;
            c.missIndications = 0;
            flightSize += c.length;
            counters.retransmissions++;
            added = true;
            if (tsn == headTsn) {
                // RFC 9260 §6.3.2 R4 / §7.2.4 step 4: the earliest outstanding chunk goes out again.
                t3Deadline = now + rto.rto();
            } else {
                startT3IfStopped(now);
            }
        }
        if (added || retransmits.isEmpty()) {
            fastRetransmitPending = false;
        }
        return added;
    }

    /** New chunks while cwnd and the peer's window allow (§6.1 A and B). True if any chunk went out. */
    private boolean sendNewData(PacketBuilder packet, long now) {
        boolean added = false;
        int lastDataAt = -1;
        while (flightSize < congestion.cwnd()) {
            OutgoingMessage m = queue.current();
            if (m == null) {
                break;
            }
            if (m.abandoned) {
                queue.finishCurrent();
                continue;
            }
            if (now >= m.expiresAt && (!m.started() || partialReliability)) {
                expire(m);
                continue;
            }
            int length = fragmentLength(m, packet.remaining() - DataChunk.HEADER_LENGTH);
            if (length <= 0 || (length > peerRwnd && flightSize > 0)
                    || nextTsn - headTsn >= MAX_OUTSTANDING_CHUNKS) {
                break;
            }
            lastDataAt = packet.position();
            sendNewChunk(packet, m, length, now);
            added = true;
        }
        if (lastDataAt >= 0 && queue.current() == null) {
            // RFC 7053: nothing more to send, so ask for the SACK now rather than after the delayed-ack timer.
            packet.buffer()[lastDataAt + 1] |= DataChunk.FLAG_IMMEDIATE_ACK;
        }
        return added;
    }

    /**
     * How much of the message goes into the next chunk: the rest if it fits; a packet-filling fragment of a message
     * that needs fragmenting anyway, if at least half a full fragment fits; otherwise 0 (wait for the next packet).
     */
    private int fragmentLength(OutgoingMessage m, int room) {
        int remaining = m.data.length - m.nextOffset;
        if (remaining <= room) {
            return remaining;
        }
        if (remaining > maxFragment && room >= maxFragment / 2) {
            return room & ~3;
        }
        return 0;
    }

    private void sendNewChunk(PacketBuilder packet, OutgoingMessage m, int length, long now) {
        boolean first = m.nextOffset == 0;
        if (first) {
            m.firstTsn = nextTsn;
            if (!m.unordered) {
                m.ssn = m.stream.nextSsn;
                m.stream.nextSsn = SerialNumbers.nextSsn(m.stream.nextSsn);
            }
        }
        boolean last = m.nextOffset + length == m.data.length;
        long tsn = nextTsn++;
        OutstandingChunk c = outstanding.claim(headTsn, tsn);
        c.message = m;
        c.offset = m.nextOffset;
        c.length = length;
        c.flags = (first ? DataChunk.FLAG_BEGINNING : 0) | (last ? DataChunk.FLAG_ENDING : 0)
                | (m.unordered ? DataChunk.FLAG_UNORDERED : 0);
        c.ssn = m.unordered ? 0 : m.ssn;
        c.state = OutstandingChunk.IN_FLIGHT;
        c.transmissions = 1;
        c.sentAt = now;
        c.missIndications = 0;
        c.fastRetransmitted = false;
        write(packet, tsn, c);
        m.nextOffset += length;
        m.lastTsn = tsn;
        flightSize += length;
        peerRwnd = Math.max(0, peerRwnd - length);
        if (last) {
            counters.messagesSent++;
            queue.finishCurrent();
        }
        startT3IfStopped(now);
    }

    private void write(PacketBuilder packet, long tsn, OutstandingChunk c) {
        OutgoingMessage m = c.message;
        int len = DataChunk.encode(packet.buffer(), packet.position(), c.flags, (int) tsn, m.stream.id, c.ssn, m.ppid,
                m.data, c.offset, c.length);
        packet.advance(len);
        counters.dataChunksSent++;
    }

    // ------------------------------------------------------------------------------------------------ SACK

    /**
     * RFC 9260 §6.2.1 SACK processing. Returns true when the SACK acknowledged anything new (the peer is alive and
     * making progress).
     */
    boolean onSack(long now, SackChunk sack) {
        long cumAck = SerialNumbers.unwrapTsn(headTsn - 1, sack.cumulativeTsnAck());
        if (cumAck < headTsn - 1 || cumAck >= nextTsn) {
            return false;
        }
        sackNow = now;
        long flightBefore = flightSize;
        newlyAckedBytes = 0;
        highestNewlyAcked = -1;
        rttSampleSentAt = -1;
        boolean cumAdvanced = cumAck >= headTsn;
        while (headTsn <= cumAck) {
            retire(headTsn);
            headTsn++;
        }
        if (cumAdvanced) {
            gapAcked.removeUpTo(cumAck);
        }
        for (int i = 0; i < sack.gapAckBlockCount(); i++) {
            long first = cumAck + sack.gapStart(i);
            long last = Math.min(cumAck + sack.gapEnd(i), nextTsn - 1);
            if (first > cumAck && first <= last) {
                gapAcked.addRange(first, last, onNewlyGapAcked);
            }
        }
        peerRwnd = Math.max(0, sack.advertisedReceiverWindowCredit() - flightSize);
        if (rttSampleSentAt >= 0) {
            rto.measure(now - rttSampleSentAt);
        }
        if (cumAdvanced) {
            congestion.onCumulativeAckAdvanced(flightBefore, newlyAckedBytes);
        }
        congestion.afterSack(flightSize, cumAck);
        countMissIndications(cumAdvanced);
        if (headTsn == nextTsn) {
            t3Deadline = Long.MAX_VALUE;
        } else if (cumAdvanced) {
            t3Deadline = now + rto.rto();
        }
        if (partialReliability) {
            advanceAckPoint();
        }
        return cumAdvanced || newlyAckedBytes > 0;
    }

    /** The Cumulative TSN Ack of a SHUTDOWN acknowledges like a SACK without gaps (RFC 9260 §9.2). */
    void onShutdownCumulativeAck(long now, int cumulativeTsnAck) {
        onSack(now, new SackChunk(cumulativeTsnAck, peerRwnd + flightSize, new int[0], new int[0]));
    }

    private void retire(long tsn) {
        OutstandingChunk c = chunk(tsn);
        acknowledge(tsn, c);
        if (c.state != OutstandingChunk.ABANDONED) {
            OutgoingMessage m = c.message;
            m.releasedBytes += c.length;
            release(m.stream, c.length);
        }
        c.message = null;
    }

    private void newlyGapAcked(long first, long last) {
        for (long tsn = first; tsn <= last; tsn++) {
            OutstandingChunk c = chunk(tsn);
            acknowledge(tsn, c);
            if (c.state != OutstandingChunk.ABANDONED) {
                c.state = OutstandingChunk.GAP_ACKED;
            }
        }
    }

    /** Bookkeeping for a chunk acknowledged for the first time (cumulatively or by a gap block). */
    private void acknowledge(long tsn, OutstandingChunk c) {
        if (c.state == OutstandingChunk.IN_FLIGHT) {
            flightSize -= c.length;
            newlyAckedBytes += c.length;
            highestNewlyAcked = tsn;
            if (c.transmissions == 1) {
                rttSampleSentAt = c.sentAt;
            }
        } else if (c.state == OutstandingChunk.TO_RETRANSMIT) {
            newlyAckedBytes += c.length;
            highestNewlyAcked = tsn;
        }
    }

    /**
     * RFC 9260 §7.2.4 with HTNA: each in-flight TSN reported missing below the highest newly acknowledged TSN (below
     * the highest gap-acked TSN when the cumulative ack moved during fast recovery) gets a miss indication; the
     * third one marks it for fast retransmission, once.
     */
    private void countMissIndications(boolean cumAdvanced) {
        long limit = congestion.inFastRecovery() && cumAdvanced ? gapAcked.highest(headTsn - 1) : highestNewlyAcked;
        if (limit > headTsn) {
            gapAcked.forEachHole(headTsn, limit - 1, onMissing);
        }
    }

    private void missing(long first, long last) {
        for (long tsn = first; tsn <= last; tsn++) {
            OutstandingChunk c = chunk(tsn);
            if (c.state == OutstandingChunk.IN_FLIGHT && !c.fastRetransmitted
                    && ++c.missIndications >= FAST_RETRANSMIT_THRESHOLD) {
                fastRetransmit(tsn, c);
            }
        }
    }

    private void fastRetransmit(long tsn, OutstandingChunk c) {
        counters.fastRetransmits++;
        congestion.onFastRetransmit(nextTsn - 1);
        c.fastRetransmitted = true;
        if (partialReliability && c.message.shouldAbandon(c.transmissions, sackNow)) {
            abandon(c.message);
            return;
        }
        flightSize -= c.length;
        c.state = OutstandingChunk.TO_RETRANSMIT;
        retransmits.push(tsn);
        fastRetransmitPending = true;
    }

    // ------------------------------------------------------------------------------------------------ T3-rtx

    private void startT3IfStopped(long now) {
        if (t3Deadline == Long.MAX_VALUE) {
            t3Deadline = now + rto.rto();
        }
    }

    /**
     * RFC 9260 §6.3.3: collapse cwnd to one MTU, back off the RTO and mark everything in flight for retransmission
     * (or abandon it, RFC 3758). Returns false when nothing was outstanding (a stale timer).
     */
    boolean onT3Expired(long now) {
        t3Deadline = Long.MAX_VALUE;
        if (headTsn == nextTsn) {
            return false;
        }
        counters.t3Expirations++;
        congestion.onRetransmissionTimeout();
        rto.backOff();
        for (long tsn = headTsn; tsn < nextTsn; tsn++) {
            OutstandingChunk c = chunk(tsn);
            if (c.state != OutstandingChunk.IN_FLIGHT) {
                continue;
            }
            if (partialReliability && c.message.shouldAbandon(c.transmissions, now)) {
                abandon(c.message);
                continue;
            }
            flightSize -= c.length;
            c.state = OutstandingChunk.TO_RETRANSMIT;
            retransmits.push(tsn);
        }
        OutstandingChunk head = chunk(headTsn);
        if (retransmits.isEmpty() && head.state == OutstandingChunk.GAP_ACKED) {
            // The peer dropped data it had acknowledged by gap block (reneging, RFC 9260 §6.2): resend the head.
            head.state = OutstandingChunk.TO_RETRANSMIT;
            retransmits.push(headTsn);
        }
        if (partialReliability) {
            advanceAckPoint();
        }
        t3Deadline = now + rto.rto();
        return true;
    }

    // ------------------------------------------------------------------------------------------------ PR-SCTP

    /**
     * RFC 3758 §3.5: give up a message: its outstanding chunks stop counting as in flight and are skipped by the
     * Advanced.Peer.Ack.Point; the unsent rest is never fragmented; its bytes leave the buffered amount.
     */
    void abandon(OutgoingMessage m) {
        if (m.abandoned) {
            return;
        }
        m.abandoned = true;
        counters.abandonedMessages++;
        if (m.firstTsn >= 0) {
            for (long tsn = Math.max(m.firstTsn, headTsn); tsn <= m.lastTsn; tsn++) {
                OutstandingChunk c = chunk(tsn);
                if (c.state == OutstandingChunk.IN_FLIGHT) {
                    flightSize -= c.length;
                }
                c.state = OutstandingChunk.ABANDONED;
            }
        }
        long rest = m.data.length - m.releasedBytes;
        m.releasedBytes = m.data.length;
        release(m.stream, rest);
    }

    /** A message whose lifetime ran out: dropped whole if never sent, otherwise abandoned. */
    private void expire(OutgoingMessage m) {
        if (m.started()) {
            abandon(m);
        } else {
            counters.abandonedMessages++;
            m.abandoned = true;
            m.releasedBytes = m.data.length;
            release(m.stream, m.data.length);
        }
        queue.finishCurrent();
    }

    /**
     * RFC 3758 §3.5 C1/C2: move the Advanced.Peer.Ack.Point over abandoned chunks (and chunks the peer already
     * holds between them) and ask for a FORWARD TSN when it is ahead of the cumulative ack.
     */
    private void advanceAckPoint() {
        long cum = headTsn - 1;
        if (advancedPeerAckPoint < cum) {
            advancedPeerAckPoint = cum;
        }
        long tsn = Math.max(ackPointScan, advancedPeerAckPoint + 1);
        while (tsn < nextTsn) {
            byte state = chunk(tsn).state;
            if (state == OutstandingChunk.ABANDONED) {
                advancedPeerAckPoint = tsn;
            } else if (state != OutstandingChunk.GAP_ACKED) {
                break;
            }
            tsn++;
        }
        ackPointScan = tsn;
        if (advancedPeerAckPoint > cum) {
            forwardTsnDue = true;
        }
    }

    /** The FORWARD TSN to send now, or null; the T3 timer keeps running so it is repeated if lost. */
    ForwardTsnChunk takeForwardTsn(int maxLength, long now) {
        forwardTsnDue = false;
        long cum = headTsn - 1;
        if (!partialReliability || advancedPeerAckPoint <= cum) {
            return null;
        }
        startT3IfStopped(now);
        return ForwardTsnBuilder.build(this, headTsn, advancedPeerAckPoint, maxLength);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    OutstandingChunk chunk(long tsn) {
        return outstanding.get(tsn);
    }

    private void release(OutboundStream s, long bytes) {
        if (bytes == 0) {
            return;
        }
        long before = s.buffered;
        queue.adjustBuffered(s, -bytes);
        if (before > s.lowThreshold && s.buffered <= s.lowThreshold) {
            listener.bufferedAmountLow(s.id);
        }
    }

}
