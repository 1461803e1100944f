package io.jrtc.pc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stats object (W3C webrtc-stats RTCStats): its type, id, timestamp and the members of that type, by their
 * W3C names. {@link #toMap()} is JSON-ready.
 */
public class RTCStats {
    private final String type;
    private final String id;
    private final double timestamp;
    private final Map<String, Object> members;

    /** A stats object as the stack reports it (public so that io.jrtc.pc.internal.stats can make one). */
    public RTCStats(String type, String id, double timestamp, Map<String, Object> members) {
        this.type = type;
        this.id = id;
        this.timestamp = timestamp;
        LinkedHashMap<String, Object> all = new LinkedHashMap<>();
        all.put("id", id);
        all.put("type", type);
        all.put("timestamp", timestamp);
        members.forEach((name, value) -> {
            if (value != null) {
                all.put(name, value);
            }
        });
        this.members = Collections.unmodifiableMap(all);
    }

    public String getType() {
        return type;
    }

    public String getId() {
        return id;
    }

    /** Milliseconds since the epoch, as in the W3C API. */
    public double getTimestamp() {
        return timestamp;
    }

    /** A member by its W3C name, or null when absent. */
    public Object get(String member) {
        return members.get(member);
    }

    public Map<String, Object> toMap() {
        return members;
    }

    long longMember(String name) {
        Object value = members.get(name);
        return value instanceof Number n ? n.longValue() : 0;
    }

    double doubleMember(String name) {
        Object value = members.get(name);
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    @Override
    public String toString() {
        return members.toString();
    }
}
