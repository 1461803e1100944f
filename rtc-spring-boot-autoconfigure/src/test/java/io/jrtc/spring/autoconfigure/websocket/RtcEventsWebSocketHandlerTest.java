package io.jrtc.spring.autoconfigure.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.jrtc.spring.autoconfigure.events.RtcEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RtcEventsWebSocketHandlerTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final RtcEventBus bus = new RtcEventBus();
    private final RtcEventsWebSocketHandler handler = new RtcEventsWebSocketHandler(bus, json, 5, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        handler.destroy();
    }

    @Test
    void sendsEachEventAsJsonInOrderToTheClientsThatSubscribedToIt() throws Exception {
        List<String> one = new CopyOnWriteArrayList<>();
        List<String> all = new CopyOnWriteArrayList<>();
        handler.afterConnectionEstablished(session("a", "/api/rtc/events?peerConnectionId=pc-1", one, null));
        handler.afterConnectionEstablished(session("b", "/api/rtc/events", all, null));

        bus.publish(event("pc-1", RtcEventType.CONNECTION_STATE, Map.of("state", "connecting")));
        bus.publish(event("pc-2", RtcEventType.CONNECTION_STATE, Map.of("state", "connecting")));
        bus.publish(event("pc-1", RtcEventType.CONNECTION_STATE, Map.of("state", "connected")));

        await().atMost(Duration.ofSeconds(5)).until(() -> one.size() == 2 && all.size() == 3);
        JsonNode first = json.readTree(one.get(0));
        assertThat(first.get("type").asString()).isEqualTo("connection-state");
        assertThat(first.get("peerConnectionId").asString()).isEqualTo("pc-1");
        assertThat(first.get("timestamp").asLong()).isEqualTo(1234L);
        assertThat(first.get("data").get("state").asString()).isEqualTo("connecting");
        assertThat(json.readTree(one.get(1)).get("data").get("state").asString()).isEqualTo("connected");
        assertThat(all).extracting(message -> json.readTree(message).get("peerConnectionId").asString())
                .containsExactly("pc-1", "pc-2", "pc-1");
    }

    @Test
    void aClientThatFallsBehindIsDisconnectedWithoutHoldingUpThePublisherOrTheOthers() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        WebSocketSession slow = session("slow", "/api/rtc/events", new CopyOnWriteArrayList<>(), stuck);
        List<String> fastMessages = new CopyOnWriteArrayList<>();
        handler.afterConnectionEstablished(slow);
        handler.afterConnectionEstablished(session("fast", "/api/rtc/events", fastMessages, null));

        long publishNanos = 0;
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            bus.publish(event("pc-1", RtcEventType.STATS, Map.of("n", i)));
            publishNanos += System.nanoTime() - start;
            int sent = i + 1;
            // The fast client keeps up (its bound is 5 queued events too); the slow one never sends.
            await().atMost(Duration.ofSeconds(5)).until(() -> fastMessages.size() == sent);
        }
        long publishMillis = TimeUnit.NANOSECONDS.toMillis(publishNanos);

        verify(slow, timeout(5000)).close(EventSubscriber.TOO_SLOW);
        await().atMost(Duration.ofSeconds(5)).until(() -> fastMessages.size() == 20);
        assertThat(publishMillis).isLessThan(2000);
        stuck.countDown();
    }

    private static RtcEvent event(String id, RtcEventType type, Map<String, Object> data) {
        return new RtcEvent(type, id, 1234L, data);
    }

    private static WebSocketSession session(String id, String uri, List<String> sink, CountDownLatch blockUntil)
            throws Exception {
        WebSocketSession session = mock(WebSocketSession.class);
        when(session.getId()).thenReturn(id);
        when(session.getUri()).thenReturn(URI.create("ws://localhost" + uri));
        when(session.isOpen()).thenReturn(true);
        doAnswer(invocation -> {
            if (blockUntil != null) {
                blockUntil.await(10, TimeUnit.SECONDS);
            }
            WebSocketMessage<?> message = invocation.getArgument(0);
            sink.add(((TextMessage) message).getPayload());
            return null;
        }).when(session).sendMessage(any());
        return session;
    }

    @Test
    void closingTheSessionForgetsTheClient() throws Exception {
        WebSocketSession session = session("c", "/api/rtc/events", new CopyOnWriteArrayList<>(), null);
        handler.afterConnectionEstablished(session);

        handler.afterConnectionClosed(session, CloseStatus.NORMAL);

        assertThat(handler.subscriberCount()).isZero();
    }
}
