package io.jrtc.spring.autoconfigure.websocket;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * Streams {@link RtcEvent}s to WebSocket clients as JSON text messages. A client subscribes to one connection with
 * {@code ?peerConnectionId=...}, otherwise to all. Events are queued per client and sent by a small shared pool, so
 * the stack's callback threads never wait on a socket; a client whose queue exceeds its bound, or whose send
 * exceeds the time limit, is disconnected (close code 1008) and the others carry on.
 */
public class RtcEventsWebSocketHandler extends TextWebSocketHandler implements DisposableBean {
    private static final System.Logger LOG = System.getLogger(RtcEventsWebSocketHandler.class.getName());
    static final String PEER_CONNECTION_PARAMETER = "peerConnectionId";

    private final JsonMapper jsonMapper;
    private final int maxQueuedEvents;
    private final Duration sendTimeLimit;
    private final Map<String, EventSubscriber> subscribers = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final Subscription busSubscription;

    public RtcEventsWebSocketHandler(RtcEventBus events, JsonMapper jsonMapper, int maxQueuedEvents,
            Duration sendTimeLimit) {
        this.jsonMapper = jsonMapper;
        this.maxQueuedEvents = maxQueuedEvents;
        this.sendTimeLimit = sendTimeLimit;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "rtc-events-ws-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.senders = pool;
        this.busSubscription = events.subscribe(this::publish);
    }

    /** Number of connected clients. */
    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        String filter = session.getUri() == null ? null
                : UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams()
                        .getFirst(PEER_CONNECTION_PARAMETER);
        EventSubscriber subscriber = new EventSubscriber(session, filter == null || filter.isBlank() ? null : filter,
                maxQueuedEvents, sendTimeLimit, senders);
        subscribers.put(session.getId(), subscriber);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        EventSubscriber subscriber = subscribers.remove(session.getId());
        if (subscriber != null) {
            subscriber.discard();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LOG.log(Level.DEBUG, "event stream " + session.getId() + " failed", exception);
    }

    /** Serialises the event once and queues it for every matching client; never blocks. */
    void publish(RtcEvent event) {
        if (subscribers.isEmpty()) {
            return;
        }
        String json = null;
        for (EventSubscriber subscriber : subscribers.values()) {
            if (subscriber.wants(event)) {
                if (json == null) {
                    json = jsonMapper.writeValueAsString(event);
                }
                subscriber.offer(json);
            }
        }
    }

    @Override
    public void destroy() {
        busSubscription.close();
        for (EventSubscriber subscriber : subscribers.values()) {
            subscriber.close(CloseStatus.GOING_AWAY);
        }
        subscribers.clear();
        senders.shutdown();
    }
}
