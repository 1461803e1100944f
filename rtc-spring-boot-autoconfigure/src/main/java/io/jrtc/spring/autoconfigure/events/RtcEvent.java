package io.jrtc.spring.autoconfigure.events;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to a peer connection, in the shape the WebSocket stream sends:
 * {@code {"type": "...", "peerConnectionId": "...", "timestamp": <epoch ms>, "data": {...}}}.
 *
 * @param type             one of the {@link RtcEventType} names, e.g. {@code "connection-state"}
 * @param peerConnectionId the connection it concerns
 * @param timestamp        milliseconds since the Unix epoch
 * @param data             type-specific members, JSON-ready (strings, numbers, booleans, lists, maps)
 */
public record RtcEvent(String type, String peerConnectionId, long timestamp, Map<String, Object> data) {
    public RtcEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(peerConnectionId, "peerConnectionId");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    public RtcEvent(RtcEventType type, String peerConnectionId, long timestamp, Map<String, Object> data) {
        this(type.wireName(), peerConnectionId, timestamp, data);
    }

    public boolean is(RtcEventType eventType) {
        return eventType.wireName().equals(type);
    }
}
