package io.jrtc.pc;

import io.jrtc.pc.internal.transport.DataChannel;
import java.util.function.Consumer;

/**
 * A bidirectional message channel over SCTP (W3C RTCDataChannel / the reference's RTCDataChannel). Any thread may
 * send: messages queue here and the connection's loop hands them to SCTP, so {@link #getBufferedAmount()} grows at
 * once, as the W3C API requires, and shrinks as the remote acknowledges.
 */
public final class RTCDataChannel {
    private final RTCSctpTransport transport;
    private final DataChannel core;

    /** Opens a channel on an SCTP transport, as the reference allows without a peer connection. */
    public RTCDataChannel(RTCSctpTransport transport, RTCDataChannelParameters parameters) {
        this(transport, new DataChannel(transport.core(), parameters));
    }

    /** The facade of a channel the core already has (one the remote opened). */
    RTCDataChannel(RTCSctpTransport transport, DataChannel core) {
        this.transport = transport;
        this.core = core;
    }

    public String getLabel() {
        return core.getLabel();
    }

    /** The SCTP stream id; null until the DTLS role decides it for an in-band channel. */
    public Integer getId() {
        return core.getId();
    }

    public boolean isOrdered() {
        return core.isOrdered();
    }

    public Integer getMaxPacketLifeTime() {
        return core.getMaxPacketLifeTime();
    }

    public Integer getMaxRetransmits() {
        return core.getMaxRetransmits();
    }

    public String getProtocol() {
        return core.getProtocol();
    }

    public boolean isNegotiated() {
        return core.isNegotiated();
    }

    public RTCDataChannelState getReadyState() {
        return core.getReadyState();
    }

    public RTCSctpTransport getTransport() {
        return transport;
    }

    /** Bytes queued by {@link #send} and not yet acknowledged by the remote. */
    public long getBufferedAmount() {
        return core.getBufferedAmount();
    }

    public long getBufferedAmountLowThreshold() {
        return core.getBufferedAmountLowThreshold();
    }

    public void setBufferedAmountLowThreshold(long threshold) {
        core.setBufferedAmountLowThreshold(threshold);
    }

    /**
     * @throws InvalidStateError when the channel is not open
     * @throws TypeError when the message exceeds the remote's max-message-size
     * @throws OperationError when the message would take bufferedAmount past its cap (16 MiB by default,
     *                        {@link SctpSettings#maxBufferedAmount()}); nothing is queued then
     */
    public void send(String text) {
        core.send(text);
    }

    /**
     * @throws InvalidStateError when the channel is not open
     * @throws TypeError when the message exceeds the remote's max-message-size
     * @throws OperationError when the message would take bufferedAmount past its cap (16 MiB by default,
     *                        {@link SctpSettings#maxBufferedAmount()}); nothing is queued then
     */
    public void send(byte[] data) {
        core.send(data);
    }

    /** Starts the closing procedure (RFC 8831 §6.7: an outgoing stream reset). */
    public void close() {
        core.close();
    }

    /**
     * Stops delivering received messages until {@link #resumeReceiving()}; not in W3C, which has no way for a slow
     * reader to push back. The messages wait in SCTP and keep counting against its receive window (4 MiB by
     * default, {@link SctpSettings#receiveWindow()}), so once it is full the remote's sender is held back by SCTP
     * flow control (its bufferedAmount grows) instead of this side buffering without limit. The window is shared by
     * the connection's channels: a long pause stalls the others too once it is full. Any thread; takes effect for
     * messages not yet handed to the listeners.
     */
    public void pauseReceiving() {
        core.pauseReceiving();
    }

    /** Ends {@link #pauseReceiving()}: the messages that waited are delivered first, in order. */
    public void resumeReceiving() {
        core.resumeReceiving();
    }

    public boolean isReceivePaused() {
        return core.isReceivePaused();
    }

    public Subscription onOpen(Runnable listener) {
        return core.onOpen(listener);
    }

    public Subscription onMessage(Consumer<RTCDataChannelMessage> listener) {
        return core.onMessage(listener);
    }

    public Subscription onClosing(Runnable listener) {
        return core.onClosing(listener);
    }

    public Subscription onClose(Runnable listener) {
        return core.onClose(listener);
    }

    public Subscription onBufferedAmountLow(Runnable listener) {
        return core.onBufferedAmountLow(listener);
    }

    public Subscription onError(Consumer<Throwable> listener) {
        return core.onError(listener);
    }

    public long getMessagesSent() {
        return core.getMessagesSent();
    }

    public long getBytesSent() {
        return core.getBytesSent();
    }

    public long getMessagesReceived() {
        return core.getMessagesReceived();
    }

    public long getBytesReceived() {
        return core.getBytesReceived();
    }
}
