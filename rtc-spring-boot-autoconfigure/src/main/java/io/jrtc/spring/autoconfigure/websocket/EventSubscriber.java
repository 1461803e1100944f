package io.jrtc.spring.autoconfigure.websocket;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.spring.autoconfigure.events.RtcEvent;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One WebSocket client of the event stream: a bounded queue drained in order by at most one sender task at a time.
 * The session is wrapped in a {@link ConcurrentWebSocketSessionDecorator} so a send that takes longer than the time
 * limit, or a buffer that grows past its bound, ends the session instead of holding the sender.
 */
final class EventSubscriber {
    private static final System.Logger LOG = System.getLogger(EventSubscriber.class.getName());
    /** The close code for a client that cannot keep up (RFC 6455 section 7.4.1: policy violation). */
    static final CloseStatus TOO_SLOW = CloseStatus.POLICY_VIOLATION.withReason("client too slow for the event stream");
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;

    private final WebSocketSession session;
    private final String peerConnectionId;
    private final int maxQueued;
    private final Executor senders;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    EventSubscriber(WebSocketSession session, String peerConnectionId, int maxQueued, Duration sendTimeLimit,
            Executor senders) {
        this.session = new ConcurrentWebSocketSessionDecorator(session, (int) Math.min(Integer.MAX_VALUE,
                sendTimeLimit.toMillis()), BUFFER_LIMIT_BYTES, ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
        this.peerConnectionId = peerConnectionId;
        this.maxQueued = maxQueued;
        this.senders = senders;
    }

    boolean wants(RtcEvent event) {
        return !closed.get() && (peerConnectionId == null || peerConnectionId.equals(event.peerConnectionId()));
    }

    /** Queues one message; a client already {@code maxQueued} behind is disconnected instead. */
    void offer(String json) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            LOG.log(Level.INFO, "event stream client " + session.getId() + " fell " + maxQueued
                    + " events behind; disconnecting it");
            closeAsync(TOO_SLOW);
            return;
        }
        queue.add(json);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                discard();
            }
        }
    }

    private void drain() {
        try {
            String json;
            while (!closed.get() && (json = queue.poll()) != null) {
                queued.decrementAndGet();
                session.sendMessage(new TextMessage(json));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "event stream client " + session.getId() + " dropped", e);
            close(TOO_SLOW);
        } finally {
            draining.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            scheduleDrain();
        }
    }

    private void closeAsync(CloseStatus status) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            try {
                senders.execute(() -> closeSession(status));
            } catch (RejectedExecutionException e) {
                closeSession(status);
            }
        }
    }

    void close(CloseStatus status) {
        if (closed.compareAndSet(false, true)) {
            queue.clear();
            closeSession(status);
        }
    }

    private void closeSession(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing event stream client " + session.getId() + " failed", e);
        }
    }

    /** Forgets queued messages of a session that is already closed. */
    void discard() {
        closed.set(true);
        queue.clear();
    }
}
