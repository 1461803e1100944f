package io.jrtc.pc.internal.transport;

import io.jrtc.datachannel.DataChannelEngine;
import io.jrtc.datachannel.DataChannelHandle;
import io.jrtc.pc.InvalidStateError;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCDataChannelParameters;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.RTCErrorReason;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.TypeError;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.sctp.SctpAssociation;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A bidirectional message channel over SCTP (behind W3C RTCDataChannel / the reference's RTCDataChannel). Any
 * thread may send: messages queue here and the connection's loop hands them to SCTP, so
 * {@link #getBufferedAmount()} grows at once, as the W3C API requires, and shrinks as the remote acknowledges.
 */
public final class DataChannel {
    private record Outgoing(byte[] data, boolean binary) {
    }

    private final SctpTransport transport;
    private final RTCDataChannelParameters parameters;
    private final Listeners<Void> openListeners;
    private final Listeners<RTCDataChannelMessage> messageListeners;
    private final Listeners<Void> closingListeners;
    private final Listeners<Void> closeListeners;
    private final Listeners<Void> bufferedAmountLowListeners;
    private final Listeners<Throwable> errorListeners;
    private final ConcurrentLinkedQueue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    // Grows in send() and shrinks only when SCTP releases bytes (acknowledged or abandoned), so the value any thread
    // reads never dips while a message moves from the outbox into SCTP.
    private final AtomicLong bufferedAmount = new AtomicLong();
    private volatile long bufferedAmountLowThreshold;
    private volatile RTCDataChannelState readyState = RTCDataChannelState.CONNECTING;
    private volatile boolean receivePaused;
    private volatile Integer id;
    private volatile long messagesSent;
    private volatile long bytesSent;
    private volatile long messagesReceived;
    private volatile long bytesReceived;
    private DataChannelHandle handle;
    // On the loop: the stream's SCTP buffered amount last seen; of it, the bytes of send() and those of DCEP
    // messages on the same stream (OPEN or ACK, queued ahead of any data), which are not in the buffered amount.
    private long sctpBuffered;
    private long sctpHeldBytes;
    private long sctpControlBytes;

    /** Opens a channel on an SCTP transport: in-band (DCEP) unless negotiated, once the association is up. */
    public DataChannel(SctpTransport transport, RTCDataChannelParameters parameters) {
        this(transport, parameters, true);
    }

    private DataChannel(SctpTransport transport, RTCDataChannelParameters parameters, boolean register) {
        this.transport = transport;
        this.parameters = parameters;
        this.id = parameters.id();
        ConnectionContext context = transport.context();
        this.openListeners = context.listeners();
        this.messageListeners = context.listeners();
        this.closingListeners = context.listeners();
        this.closeListeners = context.listeners();
        this.bufferedAmountLowListeners = context.listeners();
        this.errorListeners = context.listeners();
        if (register) {
            transport.register(this);
        }
    }

    static DataChannel openedByRemote(SctpTransport transport, DataChannelHandle handle) {
        var config = handle.config();
        RTCDataChannelParameters parameters = new RTCDataChannelParameters(config.label(),
                config.maxPacketLifeTime(), config.maxRetransmits(), config.ordered(), config.protocol(),
                false, handle.id());
        DataChannel channel = new DataChannel(transport, parameters, false);
        channel.attach(handle);
        return channel;
    }

    public String getLabel() {
        return parameters.label();
    }

    /** The SCTP stream id; null until the DTLS role decides it for an in-band channel. */
    public Integer getId() {
        return id;
    }

    public boolean isOrdered() {
        return parameters.ordered();
    }

    public Integer getMaxPacketLifeTime() {
        return parameters.maxPacketLifeTime();
    }

    public Integer getMaxRetransmits() {
        return parameters.maxRetransmits();
    }

    public String getProtocol() {
        return parameters.protocol();
    }

    public boolean isNegotiated() {
        return parameters.negotiated();
    }

    public RTCDataChannelState getReadyState() {
        return readyState;
    }

    public SctpTransport transport() {
        return transport;
    }

    /** Bytes queued by {@link #send} and not yet acknowledged by the remote. */
    public long getBufferedAmount() {
        return bufferedAmount.get();
    }

    public long getBufferedAmountLowThreshold() {
        return bufferedAmountLowThreshold;
    }

    public void setBufferedAmountLowThreshold(long threshold) {
        if (threshold < 0) {
            throw new TypeError("bufferedAmountLowThreshold must be >= 0");
        }
        this.bufferedAmountLowThreshold = threshold;
    }

    public void send(String text) {
        enqueue(text.getBytes(StandardCharsets.UTF_8), false);
    }

    public void send(byte[] data) {
        enqueue(data.clone(), true);
    }

    /**
     * Stops delivering received messages (not W3C: a reader that cannot keep up, such as a slow WebSocket): they
     * wait in SCTP, counted against its receive window, so the remote sender is slowed once the window is full.
     * The window is the association's, so other channels of the connection stall with it once it is full.
     */
    public void pauseReceiving() {
        receivePaused = true;
        transport.receivePauseChanged(this);
    }

    /** Ends {@link #pauseReceiving()}: what waited is delivered in order, then new messages as they come. */
    public void resumeReceiving() {
        receivePaused = false;
        transport.receivePauseChanged(this);
    }

    public boolean isReceivePaused() {
        return receivePaused;
    }

    /** Starts the closing procedure (RFC 8831 §6.7: an outgoing stream reset). */
    public void close() {
        RTCDataChannelState state = readyState;
        if (state == RTCDataChannelState.CLOSING || state == RTCDataChannelState.CLOSED) {
            return;
        }
        readyState = RTCDataChannelState.CLOSING;
        transport.close(this);
    }

    public Subscription onOpen(Runnable listener) {
        return openListeners.add(ignored -> listener.run());
    }

    public Subscription onMessage(Consumer<RTCDataChannelMessage> listener) {
        return messageListeners.add(listener);
    }

    public Subscription onClosing(Runnable listener) {
        return closingListeners.add(ignored -> listener.run());
    }

    public Subscription onClose(Runnable listener) {
        return closeListeners.add(ignored -> listener.run());
    }

    public Subscription onBufferedAmountLow(Runnable listener) {
        return bufferedAmountLowListeners.add(ignored -> listener.run());
    }

    public Subscription onError(Consumer<Throwable> listener) {
        return errorListeners.add(listener);
    }

    public long getMessagesSent() {
        return messagesSent;
    }

    public long getBytesSent() {
        return bytesSent;
    }

    public long getMessagesReceived() {
        return messagesReceived;
    }

    public long getBytesReceived() {
        return bytesReceived;
    }

    private void enqueue(byte[] data, boolean binary) {
        if (readyState != RTCDataChannelState.OPEN) {
            throw new InvalidStateError("data channel '" + getLabel() + "' is " + readyState + ", not open");
        }
        if (data.length > transport.remoteMaxMessageSize()) {
            throw new TypeError("message of " + data.length + " bytes exceeds the remote's max-message-size of "
                    + transport.remoteMaxMessageSize());
        }
        reserve(data.length);
        outbox.add(new Outgoing(data, binary));
        transport.outputReady(this);
    }

    /**
     * Adds a message to the buffered amount unless that would pass the cap (SctpSettings maxBufferedAmount): W3C
     * webrtc-pc §6.2 send() lets the user agent fail with OperationError when it cannot queue, and browsers do
     * past 16 MiB. Atomic, so senders on several threads together stay within the cap.
     */
    private void reserve(int length) {
        long cap = transport.maxBufferedAmount();
        long before;
        do {
            before = bufferedAmount.get();
            if (before + length > cap) {
                throw new OperationError(RTCErrorReason.SEND_QUEUE_FULL, "data channel '" + getLabel()
                        + "' has " + before + " bytes buffered; " + length + " more would pass the cap of " + cap
                        + " (rtc.sctp.max-buffered-amount)");
            }
        } while (!bufferedAmount.compareAndSet(before, before + length));
    }

    // ---- on the loop, from SctpTransport ----

    RTCDataChannelParameters parameters() {
        return parameters;
    }

    DataChannelHandle handle() {
        return handle;
    }

    void attach(DataChannelHandle handle) {
        this.handle = handle;
        this.id = handle.id();
    }

    boolean drainOutbox(DataChannelEngine engine, SctpAssociation association) {
        boolean moved = false;
        Outgoing next;
        while ((next = outbox.poll()) != null) {
            moved = true;
            int length = next.data().length;
            if (handle == null || readyState != RTCDataChannelState.OPEN) {
                release(length);
                continue;
            }
            try {
                long before = association.bufferedAmount(handle.id());
                engine.send(handle, next.data(), next.binary());
                sctpBuffered += association.bufferedAmount(handle.id()) - before;
                sctpHeldBytes += length;
                messagesSent++;
                bytesSent += length;
            } catch (RuntimeException e) {
                release(length);
                errorListeners.emit(new OperationError("send failed: " + e.getMessage(), e));
            }
        }
        return moved;
    }

    /** The stream's SCTP buffered amount now: what SCTP let go of since the last call leaves the buffered amount. */
    void updateBufferedAmount(long sctpNow) {
        long change = sctpNow - sctpBuffered;
        sctpBuffered = sctpNow;
        if (change > 0) {
            sctpControlBytes += change;
            return;
        }
        long released = -change;
        long control = Math.min(released, sctpControlBytes);
        sctpControlBytes -= control;
        // The rest is ours; an empty message occupies one byte in SCTP but none in the buffered amount.
        long ours = Math.min(released - control, sctpHeldBytes);
        sctpHeldBytes -= ours;
        release(ours);
    }

    /** W3C: bufferedamountlow fires when the buffered amount falls from above the threshold to at most it. */
    private void release(long bytes) {
        if (bytes == 0) {
            return;
        }
        long after = bufferedAmount.addAndGet(-bytes);
        long threshold = bufferedAmountLowThreshold;
        if (after <= threshold && after + bytes > threshold) {
            bufferedAmountLowListeners.emit(null);
        }
    }

    void onOpened() {
        if (readyState == RTCDataChannelState.CONNECTING) {
            readyState = RTCDataChannelState.OPEN;
            openListeners.emit(null);
        }
    }

    /**
     * A channel the remote opened is announced already open (W3C webrtc-pc §6.2 "announce the data channel as
     * open"): its state is set before the datachannel event is queued, its open event after.
     */
    void onOpenedByRemote(Runnable announce) {
        if (readyState == RTCDataChannelState.CONNECTING) {
            readyState = RTCDataChannelState.OPEN;
            announce.run();
            openListeners.emit(null);
        }
    }

    void onMessage(RTCDataChannelMessage message) {
        messagesReceived++;
        bytesReceived += message.data().length;
        messageListeners.emit(message);
    }

    void onClosing() {
        if (readyState != RTCDataChannelState.CLOSED) {
            readyState = RTCDataChannelState.CLOSING;
            closingListeners.emit(null);
        }
    }

    void onClosed() {
        if (readyState != RTCDataChannelState.CLOSED) {
            readyState = RTCDataChannelState.CLOSED;
            closeListeners.emit(null);
        }
    }
}
