package io.jrtc.spring.autoconfigure.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.service.ManagedDataChannel;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One WebSocket joined to one data channel: each complete WebSocket message becomes one channel message and each
 * channel message one WebSocket message, text as text and binary as binary.
 *
 * <p>Flow control, both ways bounded by {@code maxBufferedBytes}:
 * <ul>
 * <li>toward the peer, once the channel's {@code bufferedAmount} exceeds the bound the WebSocket is no longer read
 * until {@code bufferedamountlow} fires at half of it, so a client that sends faster than the peer reads is slowed
 * by TCP, not buffered;</li>
 * <li>toward the client, messages are sent one at a time with asynchronous sends; while the client reads slower
 * than the peer sends they queue, and once more than the bound waits the channel stops receiving
 * ({@link RTCDataChannel#pauseReceiving()}) until half of it has gone out: the messages then wait in SCTP, within
 * its receive window, and SCTP flow control slows the peer's sender (its {@code bufferedAmount} grows). What the
 * bridge holds stays within the bound plus what was already on its way when the pause took effect (at most the
 * connection's SCTP receive window, {@code rtc.sctp.receive-window}, plus a message). A client that stops
 * reading altogether is closed when a send has waited a minute.</li>
 * </ul>
 * Closing either side closes the other with a reason: the channel's close event names the WebSocket's close code,
 * and the WebSocket closes with 1000 "data channel closed" once what was queued for it has been sent.
 */
final class DataChannelBridge {
    private static final System.Logger LOG = System.getLogger(DataChannelBridge.class.getName());
    static final CloseStatus CHANNEL_CLOSED = CloseStatus.NORMAL.withReason("data channel closed");
    private static final long SEND_TIMEOUT_MILLIS = 60_000;

    private final WebSocketSession session;
    private final ManagedDataChannel managed;
    private final RTCDataChannel channel;
    private final long maxMessageBytes;
    private final long maxBufferedBytes;
    private final Executor closer;
    private final Runnable onPause;
    private final Runnable onReceivePause;
    private final ReadSuspension suspension;
    private final RemoteEndpoint.Async remote;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final ByteArrayOutputStream partialBinary = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private long partialBytes;

    // Guarded by this.
    private final ArrayDeque<RTCDataChannelMessage> toClient = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sending;
    private boolean suspended;
    private boolean receivePaused;
    private long highestQueuedBytes;
    private CloseStatus closeAfterDrain;
    private boolean finished;

    DataChannelBridge(WebSocketSession session, ManagedDataChannel managed, RemoteEndpoint.Async remote,
            long maxMessageBytes, long maxBufferedBytes, Executor closer, Runnable onPause,
            Runnable onReceivePause) {
        this.session = session;
        this.managed = managed;
        this.channel = managed.channel();
        this.remote = remote;
        this.maxMessageBytes = maxMessageBytes;
        this.maxBufferedBytes = maxBufferedBytes;
        this.closer = closer;
        this.onPause = onPause;
        this.onReceivePause = onReceivePause;
        this.suspension = ReadSuspension.of(session);
    }

    /** Starts relaying; a channel that closed since the handshake closes the WebSocket at once. */
    void start() {
        remote.setSendTimeout(SEND_TIMEOUT_MILLIS);
        channel.setBufferedAmountLowThreshold(maxBufferedBytes / 2);
        synchronized (this) {
            subscriptions.add(channel.onMessage(this::fromChannel));
            subscriptions.add(channel.onClose(this::channelClosed));
            subscriptions.add(channel.onBufferedAmountLow(this::resumeReading));
        }
        if (channel.getReadyState() != RTCDataChannelState.OPEN) {
            channelClosed();
        }
    }

    // ---- client to peer

    /** One WebSocket frame (partial messages are gathered up to the message bound). */
    void fromClient(WebSocketMessage<?> message) {
        boolean binary = message instanceof BinaryMessage;
        long length = message.getPayloadLength();
        partialBytes += length;
        if (partialBytes > maxMessageBytes) {
            failBoth(CloseStatus.TOO_BIG_TO_PROCESS.withReason("message over " + maxMessageBytes + " bytes"));
            return;
        }
        if (binary) {
            ByteBuffer payload = ((BinaryMessage) message).getPayload();
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            partialBinary.writeBytes(bytes);
        } else {
            partialText.append(((TextMessage) message).getPayload());
        }
        if (!message.isLast()) {
            return;
        }
        partialBytes = 0;
        try {
            if (binary) {
                channel.send(partialBinary.toByteArray());
            } else {
                channel.send(partialText.toString());
            }
        } catch (RuntimeException e) {
            // Not open any more (the close follows), or over the peer's max-message-size.
            failBoth(CloseStatus.POLICY_VIOLATION.withReason(truncate("send failed: " + e.getMessage())));
            return;
        } finally {
            partialBinary.reset();
            partialText.setLength(0);
        }
        if (channel.getBufferedAmount() > maxBufferedBytes) {
            pauseReading();
        }
    }

    private void pauseReading() {
        onPause.run();
        if (suspension == null) {
            awaitRoom();
            return;
        }
        synchronized (this) {
            if (!suspended && !finished) {
                suspended = true;
                suspension.suspend();
            }
        }
        // bufferedamountlow may have fired before the suspension: look again so reading cannot stay stopped.
        if (channel.getBufferedAmount() <= channel.getBufferedAmountLowThreshold()) {
            resumeReading();
        }
    }

    /** Without a suspendable container, hold the reading thread: TCP still pushes back on the client. */
    private void awaitRoom() {
        synchronized (this) {
            while (!finished && channel.getBufferedAmount() > channel.getBufferedAmountLowThreshold()) {
                try {
                    wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void resumeReading() {
        synchronized (this) {
            notifyAll();
            if (suspended) {
                suspended = false;
                suspension.resume();
            }
        }
    }

    // ---- peer to client

    private void fromChannel(RTCDataChannelMessage message) {
        boolean pause;
        synchronized (this) {
            if (finished || closeAfterDrain != null) {
                return;
            }
            toClient.add(message);
            queuedBytes += message.data().length;
            highestQueuedBytes = Math.max(highestQueuedBytes, queuedBytes);
            pause = queuedBytes > maxBufferedBytes && !receivePaused;
            receivePaused |= pause;
            sendNext();
        }
        if (pause) {
            onReceivePause.run();
            channel.pauseReceiving();
        }
    }

    /** Starts the next asynchronous send unless one is in flight. Called holding this. */
    private void sendNext() {
        if (sending || finished) {
            return;
        }
        RTCDataChannelMessage next = toClient.poll();
        if (next == null) {
            if (closeAfterDrain != null) {
                finish(closeAfterDrain);
            }
            return;
        }
        sending = true;
        SendHandler done = result -> sent(next, result.isOK() ? null : result.getException());
        try {
            if (next.binary()) {
                remote.sendBinary(ByteBuffer.wrap(next.data()), done);
            } else {
                remote.sendText(next.text(), done);
            }
        } catch (RuntimeException e) {
            sending = false;
            closer.execute(() -> failBoth(CloseStatus.SERVER_ERROR.withReason("send failed")));
        }
    }

    private void sent(RTCDataChannelMessage message, Throwable error) {
        if (error != null) {
            LOG.log(Level.DEBUG, "data-channel WebSocket " + session.getId() + " send failed", error);
            failBoth(CloseStatus.SESSION_NOT_RELIABLE.withReason("send failed"));
            return;
        }
        boolean resume;
        synchronized (this) {
            sending = false;
            queuedBytes -= message.data().length;
            resume = receivePaused && queuedBytes <= maxBufferedBytes / 2;
            receivePaused &= !resume;
            sendNext();
        }
        if (resume) {
            channel.resumeReceiving();
        }
    }

    // ---- closing

    /** The channel closed: deliver what is queued, then close the WebSocket normally. */
    private void channelClosed() {
        synchronized (this) {
            if (closeAfterDrain == null) {
                closeAfterDrain = CHANNEL_CLOSED;
            }
            if (!sending && toClient.isEmpty()) {
                finish(closeAfterDrain);
            }
        }
    }

    /** Something broke: close the WebSocket with {@code status} and the channel with it as the reason. */
    private void failBoth(CloseStatus status) {
        managed.closeWithReason(reasonOf(status));
        synchronized (this) {
            toClient.clear();
            queuedBytes = 0;
            finish(status);
        }
    }

    /** Closes the WebSocket once, off the caller's thread (a close can wait on a client that does not read). */
    private void finish(CloseStatus status) {
        if (finished) {
            return;
        }
        finished = true;
        notifyAll();
        closer.execute(() -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "closing data-channel WebSocket " + session.getId() + " failed", e);
            }
        });
    }

    /** The WebSocket closed (either side): stop relaying, give the channel back and close it with the reason. */
    void webSocketClosed(CloseStatus status) {
        List<Subscription> held;
        synchronized (this) {
            finished = true;
            toClient.clear();
            queuedBytes = 0;
            notifyAll();
            held = List.copyOf(subscriptions);
            subscriptions.clear();
        }
        held.forEach(Subscription::close);
        managed.releaseBridge();
        if (channel.getReadyState() == RTCDataChannelState.OPEN
                || channel.getReadyState() == RTCDataChannelState.CONNECTING) {
            managed.closeWithReason(reasonOf(status));
        }
    }

    static String reasonOf(CloseStatus status) {
        String reason = status.getReason();
        return "websocket closed: " + status.getCode() + (reason == null || reason.isEmpty() ? "" : " " + reason);
    }

    /** RFC 6455 section 5.5: a close reason fits in 123 bytes. */
    private static String truncate(String reason) {
        return reason.length() <= 100 ? reason : reason.substring(0, 100);
    }

    /** Bytes waiting for the client now (tests). */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** The most bytes that have waited for the client at once. */
    synchronized long highestQueuedBytes() {
        return highestQueuedBytes;
    }
}
