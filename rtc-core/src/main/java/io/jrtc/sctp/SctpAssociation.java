package io.jrtc.sctp;

import io.jrtc.sctp.wire.AbortChunk;
import io.jrtc.sctp.wire.Chunk;
import io.jrtc.sctp.wire.CookieAckChunk;
import io.jrtc.sctp.wire.Crc32c;
import io.jrtc.sctp.wire.ErrorCause;
import io.jrtc.sctp.wire.ForwardTsnChunk;
import io.jrtc.sctp.wire.ReConfigChunk;
import io.jrtc.sctp.wire.SctpPacket;
import io.jrtc.sctp.wire.SctpParseException;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One SCTP association carried over DTLS (RFC 8261), as a sans-IO state machine: RFC 9260 with partial
 * reliability (RFC 3758), stream reset (RFC 6525) and the I bit (RFC 7053).
 * <p>
 * Drive it from one thread: feed {@link #handleReceive} with each SCTP packet from DTLS and {@link #handleTimeout}
 * at {@link #pollTimeout()}, then drain {@link #pollTransmit()} (one SCTP packet per DTLS record) and
 * {@link #pollEvent()}. Time is in nanoseconds on the caller's monotonic clock. Bytes from the network never
 * throw; API misuse throws {@link SctpException}. Message arrays passed to {@link #send} are kept, not copied:
 * do not modify them afterwards.
 */
public final class SctpAssociation {
    private static final System.Logger LOG = System.getLogger(SctpAssociation.class.getName());

    private final SctpConfig config;
    final SctpCounters counters = new SctpCounters();
    private final Crc32c crc = new Crc32c();
    private final RtoEstimator rto;
    private final PacketBuilder packet;
    private final DataReceiver receiver;
    private final DataSender sender;
    private final StreamResetHandler resets;
    private final Handshake handshake;
    private final ArrayDeque<byte[]> urgent = new ArrayDeque<>();
    private final ArrayDeque<Chunk> control = new ArrayDeque<>();
    private final ArrayDeque<SctpEvent> events = new ArrayDeque<>();
    private final PausedStreams paused = new PausedStreams();
    private long undeliveredBytes;
    private long now;
    SctpState state = SctpState.CLOSED;
    boolean terminated;
    int localTag;
    int peerTag;
    int outboundStreams;
    private boolean cookieAckDue;
    private int errorCount;
    private final Heartbeats heartbeats;
    private final GracefulShutdown shutdown;
    private final InboundDispatcher inbound;

    public SctpAssociation(SctpConfig config) {
        this.config = config;
        this.rto = new RtoEstimator(config.rtoInitialNanos(), config.rtoMinNanos(), config.rtoMaxNanos());
        this.packet = new PacketBuilder(config.mtu());
        this.receiver = new DataReceiver(config, this::deliver);
        this.sender = new DataSender(config, counters, rto,
                streamId -> events.add(new SctpEvent.BufferedAmountLow(streamId)));
        this.resets = new StreamResetHandler(sender, receiver, rto, this::onResetEvent);
        this.handshake = new Handshake(config, this, rto);
        this.heartbeats = new Heartbeats(config, rto, handshake.random());
        this.shutdown = new GracefulShutdown(this, sender, receiver, rto);
        this.inbound = new InboundDispatcher(this, handshake, receiver, sender, heartbeats, shutdown, resets);
        this.outboundStreams = config.maxOutboundStreams();
    }

    // ------------------------------------------------------------------------------------------------ user API

    /** Active open: sends INIT (RFC 9260 §5.1). Both sides may do this; the collision is resolved per §5.2. */
    public void connect(long now) {
        this.now = now;
        if (terminated) {
            throw new SctpException("association is closed");
        }
        if (state == SctpState.CLOSED) {
            handshake.start(now);
        }
    }

    /**
     * Queues a user message; fragmented as packets are built. {@code maxRetransmits} or {@code maxLifetimeMillis}
     * (null for none) make it partially reliable if the peer supports FORWARD TSN (RFC 3758).
     */
    public void send(long now, int streamId, int ppid, byte[] data, boolean unordered, Integer maxRetransmits,
                     Long maxLifetimeMillis) {
        this.now = now;
        if (terminated || (state != SctpState.CLOSED && state.compareTo(SctpState.ESTABLISHED) > 0)) {
            throw new SctpException("cannot send in state " + (terminated ? "terminated" : state));
        }
        if (data == null || data.length == 0) {
            throw new SctpException("SCTP cannot carry an empty message (RFC 8831 §6.6 encodes them with a PPID)");
        }
        if (streamId < 0 || streamId >= outboundStreams) {
            throw new SctpException("stream " + streamId + " beyond the " + outboundStreams + " outbound streams");
        }
        if (config.maxMessageSize() > 0 && data.length > config.maxMessageSize()) {
            throw new SctpException("message of " + data.length + " bytes exceeds " + config.maxMessageSize());
        }
        if (maxRetransmits != null && maxRetransmits < 0 || maxLifetimeMillis != null && maxLifetimeMillis < 0) {
            throw new SctpException("maxRetransmits and maxLifetimeMillis must be >= 0");
        }
        long expiresAt = maxLifetimeMillis == null ? Long.MAX_VALUE
                : (maxLifetimeMillis > (Long.MAX_VALUE - now) / 1_000_000L ? Long.MAX_VALUE
                : now + maxLifetimeMillis * 1_000_000L);
        sender.queue.add(new OutgoingMessage(sender.queue.stream(streamId), ppid, data, unordered,
                maxRetransmits == null ? -1 : maxRetransmits, expiresAt));
    }

    /** Bytes of the stream's messages queued or in flight and not yet cumulatively acknowledged. */
    public long bufferedAmount(int streamId) {
        OutboundStream s = streamId < 0 ? null : sender.queue.existingStream(streamId);
        return s == null ? 0 : s.buffered;
    }

    public long bufferedAmount() {
        return sender.queue.totalBuffered();
    }

    /** {@link SctpEvent.BufferedAmountLow} fires when the stream's buffered amount falls to at most this. */
    public void setBufferedAmountLowThreshold(int streamId, long threshold) {
        if (streamId < 0 || streamId > 65535 || threshold < 0) {
            throw new SctpException("bad stream or threshold");
        }
        sender.queue.stream(streamId).lowThreshold = threshold;
    }

    /**
     * Holds the stream's received messages back from {@link #pollEvent()} until {@link #resumeStream}: a reader that
     * cannot keep up stops taking them, they keep counting against the receive window, and once it is full the
     * peer's sender waits (RFC 9260 §6.2) rather than this side buffering without limit. The peer resetting the
     * stream ends the pause, so what was held comes before the reset.
     */
    public void pauseStream(int streamId) {
        checkStreamId(streamId);
        paused.pause(streamId);
    }

    /** Ends {@link #pauseStream}: the held messages are the next events, in order; taking them reopens the window. */
    public void resumeStream(int streamId) {
        checkStreamId(streamId);
        events.addAll(paused.resume(streamId));
    }

    public boolean isStreamPaused(int streamId) {
        return paused.isPaused(streamId);
    }

    private static void checkStreamId(int streamId) {
        if (streamId < 0 || streamId > 65535) {
            throw new SctpException("no stream " + streamId);
        }
    }

    /** RFC 6525 outgoing SSN reset of the streams, once what is already queued on them has been sent. */
    public void resetStreams(long now, int... streamIds) {
        this.now = now;
        if (state != SctpState.ESTABLISHED) {
            throw new SctpException("streams can only be reset when established, not " + state);
        }
        for (int id : streamIds) {
            if (id < 0 || id >= outboundStreams) {
                throw new SctpException("stream " + id + " beyond the " + outboundStreams + " outbound streams");
            }
        }
        resets.request(streamIds);
    }

    /** Graceful close (RFC 9260 §9.2): queued data is delivered first, then {@link SctpEvent.Closed}. */
    public void shutdown(long now) {
        this.now = now;
        if (terminated) {
            return;
        }
        if (state.compareTo(SctpState.ESTABLISHED) < 0) {
            closeWith(new SctpEvent.Closed("shut down before the association was established"));
        } else if (state == SctpState.ESTABLISHED) {
            state = SctpState.SHUTDOWN_PENDING;
            shutdown.progress(now);
        }
    }

    /** Sends ABORT with a User-Initiated Abort cause (RFC 9260 §9.1) and reports {@link SctpEvent.Aborted}. */
    public void abort(long now, String reason) {
        this.now = now;
        if (terminated) {
            return;
        }
        if (peerTag != 0) {
            urgent.add(singleChunkPacket(peerTag,
                    new AbortChunk(false, List.of(ErrorCause.userInitiatedAbort(reason)))));
        }
        closeWith(new SctpEvent.Aborted(reason));
    }

    public SctpState state() {
        return state;
    }

    public long remoteReceiveWindow() {
        return sender.peerReceiveWindow();
    }

    public long congestionWindow() {
        return sender.congestionWindow();
    }

    public long smoothedRttNanos() {
        return rto.smoothedRtt();
    }

    public SctpStats stats() {
        return counters.snapshot();
    }

    /**
     * Bytes held on the receiving side: fragments waiting for reassembly, complete messages waiting for an earlier
     * SSN, and messages not yet taken with {@link #pollEvent()}. RFC 9260 §6.2 keeps it within the receive window
     * plus one packet, apart from the message being reassembled in order at the cumulative TSN (bounded by
     * {@link SctpConfig#maxMessageSize()}).
     */
    public long receiveBufferedBytes() {
        return receiver.heldBytes() + undeliveredBytes;
    }

    /** The receiver's cumulative TSN, for tests that craft packets around it. */
    long receiverCumulativeTsn() {
        return receiver.cumulativeTsn();
    }

    /** The highest TSN received, for tests that craft packets around it. */
    long receiverHighestTsn() {
        return receiver.highestReceived();
    }

    /** The highest TSN the peer acknowledged cumulatively, for tests that craft packets around it. */
    long senderCumulativeAck() {
        return sender.cumulativeAck();
    }

    // ------------------------------------------------------------------------------------------------ sans-IO

    /** One SCTP packet as received from DTLS. Malformed or foreign packets are counted and dropped. */
    public void handleReceive(long now, byte[] data, int off, int len) {
        this.now = now;
        try {
            if (data == null || off < 0 || len < SctpPacket.COMMON_HEADER_LENGTH || len > data.length - off
                    || !crc.verify(data, off, len)) {
                drop("bad checksum or length");
                return;
            }
            SctpPacket p = SctpPacket.parse(data, off, len);
            if (p.destinationPort() != config.localPort() || p.chunks().isEmpty()) {
                drop("wrong port or no chunks");
                return;
            }
            if (inbound.process(now, p, len)) {
                receiver.afterPacket(now);
                shutdown.progress(now);
            }
        } catch (SctpParseException e) {
            drop(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SCTP packet processing failed", e);
            counters.packetsDropped++;
            counters.internalErrors++;
        }
    }

    /** Runs the timers due at {@code now}. */
    public void handleTimeout(long now) {
        this.now = now;
        if (terminated) {
            return;
        }
        handshake.onTimeout(now);
        if (terminated || state.compareTo(SctpState.ESTABLISHED) < 0) {
            return;
        }
        if (now >= sender.t3Deadline() && sender.onT3Expired(now) && !countError("T3-rtx")) {
            return;
        }
        receiver.onTimeout(now);
        if (heartbeats.onTimeout(now, state == SctpState.ESTABLISHED, control) && !countError("heartbeat")) {
            return;
        }
        if (resets.onTimeout(now) && !countError("RE-CONFIG")) {
            return;
        }
        if (shutdown.expired(now)) {
            if (!countError("T2-shutdown")) {
                return;
            }
            shutdown.retransmit(now);
        }
        shutdown.progress(now);
    }

    /** The next SCTP packet to hand to DTLS, or null. */
    public byte[] pollTransmit() {
        if (!urgent.isEmpty()) {
            return count(urgent.poll());
        }
        if (terminated || state == SctpState.CLOSED || state == SctpState.COOKIE_WAIT) {
            return null;
        }
        packet.begin(config.localPort(), config.remotePort(), peerTag);
        handshake.addCookieEcho(packet);
        if (state == SctpState.COOKIE_ECHOED) {
            addControlChunks();
            return packet.isEmpty() ? null : count(packet.finish());
        }
        if (cookieAckDue) {
            cookieAckDue = false;
            packet.add(new CookieAckChunk());
        }
        boolean sending = state == SctpState.ESTABLISHED || state == SctpState.SHUTDOWN_PENDING
                || state == SctpState.SHUTDOWN_RECEIVED;
        if (receiver.ackDue() || (receiver.ackPending() && sending && sender.hasDataToSend())) {
            packet.add(receiver.buildSack(packet.remaining(), undeliveredBytes));
        }
        shutdown.addChunks(packet);
        if (sender.forwardTsnDue()) {
            ForwardTsnChunk f = sender.takeForwardTsn(packet.remaining(), now);
            if (f != null) {
                packet.add(f);
            }
        }
        ReConfigChunk reconfig = resets.poll(now);
        if (reconfig != null) {
            packet.add(reconfig);
        }
        addControlChunks();
        if (sending && sender.fill(packet, now)) {
            heartbeats.onDataSent(now);
        }
        return packet.isEmpty() ? null : count(packet.finish());
    }

    /** The earliest timer deadline (nanoseconds), or Long.MAX_VALUE. */
    public long pollTimeout() {
        if (terminated) {
            return Long.MAX_VALUE;
        }
        long t = handshake.deadline();
        if (state.compareTo(SctpState.ESTABLISHED) >= 0) {
            t = Math.min(t, sender.t3Deadline());
            t = Math.min(t, receiver.ackDeadline());
            t = Math.min(t, heartbeats.deadline());
            t = Math.min(t, resets.deadline());
            t = Math.min(t, shutdown.deadline());
        }
        return t;
    }

    /**
     * The next event, or null. Taking messages reopens the receive window, which may queue a window update: drain
     * {@link #pollTransmit()} afterwards, as after every other call.
     */
    public SctpEvent pollEvent() {
        SctpEvent e = events.poll();
        if (e instanceof SctpEvent.MessageReceived m) {
            undeliveredBytes -= m.data().length;
            receiver.onUserConsumed(undeliveredBytes);
        }
        return e;
    }

    private void deliver(int streamId, int ppid, byte[] data, boolean unordered) {
        counters.messagesReceived++;
        undeliveredBytes += data.length;
        SctpEvent.MessageReceived message = new SctpEvent.MessageReceived(streamId, ppid, data, unordered);
        if (!paused.hold(message)) {
            events.add(message);
        }
    }

    /** A reset of incoming streams first releases what their pauses held: those messages came before it. */
    private void onResetEvent(SctpEvent event) {
        if (event instanceof SctpEvent.IncomingStreamsReset reset) {
            if (reset.streamIds().length == 0) {
                events.addAll(paused.resumeAll());
            }
            for (int streamId : reset.streamIds()) {
                events.addAll(paused.resume(streamId));
            }
        }
        events.add(event);
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    /** Called by the handshake when the association reaches ESTABLISHED. */
    void established(StateCookies.Contents c, long now) {
        localTag = c.localTag();
        peerTag = c.peerTag();
        outboundStreams = c.outboundStreams();
        receiver.start(c.peerInitialTsn(), c.inboundStreams());
        sender.start(c.localInitialTsn(), c.peerWindow(), c.peerForwardTsn());
        long dropped = sender.queue.dropStreamsFrom(c.outboundStreams());
        if (dropped > 0) {
            LOG.log(System.Logger.Level.DEBUG, "dropped {0} messages on streams beyond the negotiated count", dropped);
        }
        resets.start(c.localInitialTsn(), c.peerInitialTsn(), c.peerReconfig());
        heartbeats.start(now);
        state = SctpState.ESTABLISHED;
        events.add(new SctpEvent.Connected());
    }

    long undeliveredBytes() {
        return undeliveredBytes;
    }

    void resetErrorCount() {
        errorCount = 0;
    }

    void sendCookieAck() {
        cookieAckDue = true;
    }

    void sendUrgent(int vtag, Chunk chunk) {
        urgent.add(singleChunkPacket(vtag, chunk));
    }

    void queueControl(Chunk chunk) {
        control.add(chunk);
    }

    void handshakeFailed(String reason) {
        closeWith(new SctpEvent.Aborted(reason));
    }

    /** Increments the association error counter (RFC 9260 §8.1); false when the association has failed. */
    private boolean countError(String what) {
        if (++errorCount <= config.maxAssociationRetransmits()) {
            return true;
        }
        abortWith(ErrorCause.userInitiatedAbort("peer unreachable: " + what + " retransmissions exhausted"));
        return false;
    }

    /** Sends ABORT with {@code cause} (when the peer's tag is known) and ends the association. */
    void abortWith(ErrorCause cause) {
        if (terminated) {
            return;
        }
        if (peerTag != 0) {
            urgent.add(singleChunkPacket(peerTag, new AbortChunk(false, List.of(cause))));
        }
        closeWith(new SctpEvent.Aborted(cause.describe()));
    }

    /** Ends the association for good and reports why. */
    void closeWith(SctpEvent event) {
        terminated = true;
        state = SctpState.CLOSED;
        control.clear();
        shutdown.stop();
        handshake.stop();
        events.add(event);
    }

    private void addControlChunks() {
        while (!control.isEmpty() && packet.add(control.peek())) {
            control.poll();
        }
    }

    private byte[] singleChunkPacket(int vtag, Chunk chunk) {
        return new SctpPacket(config.localPort(), config.remotePort(), vtag, List.of(chunk)).encode();
    }

    private byte[] count(byte[] p) {
        counters.packetsSent++;
        counters.bytesSent += p.length;
        return p;
    }

    void accepted(int length) {
        counters.packetsReceived++;
        counters.bytesReceived += length;
    }

    /** Counts and logs a dropped packet; returns false so callers can {@code return drop(...)}. */
    boolean drop(String why) {
        counters.packetsDropped++;
        LOG.log(System.Logger.Level.DEBUG, "dropped SCTP packet: {0}", why);
        return false;
    }
}
