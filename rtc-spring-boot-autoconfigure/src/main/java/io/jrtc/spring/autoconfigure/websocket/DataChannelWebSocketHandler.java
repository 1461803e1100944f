package io.jrtc.spring.autoconfigure.websocket;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.jrtc.spring.autoconfigure.DataChannelBridgeProperties;
import io.jrtc.spring.autoconfigure.service.ManagedDataChannel;
import jakarta.websocket.Session;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Serves {@code {base}/peer-connections/{id}/data-channels/{channelId}/websocket}: joins each WebSocket to the
 * channel its handshake claimed ({@link DataChannelHandshake}) through a {@link DataChannelBridge}.
 */
public class DataChannelWebSocketHandler extends AbstractWebSocketHandler implements DisposableBean {
    private static final System.Logger LOG = System.getLogger(DataChannelWebSocketHandler.class.getName());

    private final DataChannelBridgeProperties limits;
    private final Map<String, DataChannelBridge> bridges = new ConcurrentHashMap<>();
    private final ExecutorService closer;
    private final AtomicLong readPauses = new AtomicLong();
    private final AtomicLong receivePauses = new AtomicLong();

    public DataChannelWebSocketHandler(DataChannelBridgeProperties limits) {
        this.limits = limits;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "rtc-dc-ws-close-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.closer = pool;
    }

    /** How often a bridge stopped reading its WebSocket because the peer had not acknowledged enough. */
    public long readPauses() {
        return readPauses.get();
    }

    /** How often a bridge paused its channel's receiving because its client had fallen behind. */
    public long receivePauses() {
        return receivePauses.get();
    }

    /** The most bytes any open bridge has held for its client at once. */
    public long highestQueuedBytes() {
        return bridges.values().stream().mapToLong(DataChannelBridge::highestQueuedBytes).max().orElse(0);
    }

    /** Number of bridged WebSockets. */
    public int bridgeCount() {
        return bridges.size();
    }

    @Override
    public boolean supportsPartialMessages() {
        // Whole messages would make the container buffer them at its own (small) limit; the bridge gathers
        // frames up to rtc.rest.data-channels.max-message-bytes itself.
        return true;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        ManagedDataChannel channel = (ManagedDataChannel) session.getAttributes().get(DataChannelHandshake.CHANNEL);
        Session container = session instanceof NativeWebSocketSession nativeSession
                ? nativeSession.getNativeSession(Session.class) : null;
        if (channel == null || container == null) {
            LOG.log(Level.WARNING, "data-channel WebSocket " + session.getId() + " has no channel or no "
                    + "jakarta.websocket session; closing it");
            if (channel != null) {
                channel.releaseBridge();
            }
            session.close(CloseStatus.SERVER_ERROR.withReason("no data channel"));
            return;
        }
        DataChannelBridge bridge = new DataChannelBridge(session, channel, container.getAsyncRemote(),
                limits.getMaxMessageBytes(), limits.getMaxBufferedBytes(), closer, readPauses::incrementAndGet,
                receivePauses::incrementAndGet);
        bridges.put(session.getId(), bridge);
        bridge.start();
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
        DataChannelBridge bridge = bridges.get(session.getId());
        if (bridge != null) {
            bridge.fromClient(message);
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LOG.log(Level.DEBUG, "data-channel WebSocket " + session.getId() + " failed", exception);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        DataChannelBridge bridge = bridges.remove(session.getId());
        if (bridge != null) {
            bridge.webSocketClosed(status);
        }
    }

    @Override
    public void destroy() {
        for (DataChannelBridge bridge : bridges.values()) {
            bridge.webSocketClosed(CloseStatus.GOING_AWAY);
        }
        bridges.clear();
        closer.shutdown();
    }
}
