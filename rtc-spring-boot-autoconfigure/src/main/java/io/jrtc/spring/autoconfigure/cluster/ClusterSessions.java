package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.pc.Subscription;
import io.jrtc.spring.autoconfigure.events.RtcEventBus;
import io.jrtc.spring.autoconfigure.events.RtcEventType;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;

/**
 * The WHIP and WHEP sessions created on this node (by clients, and by edges pulling from it), each with an entry
 * in the directory naming this node, so a PATCH or DELETE that reaches another node is forwarded here. A session
 * leaves when its connection closes (the service's {@code CLOSED} event); listeners hear when a stream's viewer
 * leaves.
 */
public class ClusterSessions implements ClusterHeartbeatTask, DisposableBean {
    private static final System.Logger LOG = System.getLogger(ClusterSessions.class.getName());

    /** A session held here: its kind and stream. */
    public record Held(WhipSessions.Kind kind, String streamId) {
    }

    private final ClusterDirectory directory;
    private final ClusterStreamRegistry streams;
    private final String nodeId;
    private final Map<String, Held> sessions = new ConcurrentHashMap<>();
    private final List<BiConsumer<String, Held>> endListeners = new CopyOnWriteArrayList<>();
    private final Subscription closed;

    public ClusterSessions(ClusterDirectory directory, ClusterStreamRegistry streams, ClusterProperties properties,
            RtcEventBus events) {
        this.directory = directory;
        this.streams = streams;
        this.nodeId = properties.getNodeId();
        this.closed = events.subscribe(event -> {
            if (event.is(RtcEventType.CLOSED)) {
                ended(event.peerConnectionId());
            }
        });
    }

    /** A POST (a client's, or an edge's pull) created the session here. */
    public void created(WhipSessions.Kind kind, String streamId, String sessionId) {
        sessions.put(sessionId, new Held(kind, streamId));
        try {
            directory.writeSession(sessionId, nodeId);
        } catch (DataAccessException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + sessionId + " not in the directory until the "
                    + "next heartbeat: " + e.getMessage());
        }
    }

    /** Runs {@code listener} with the id and what it was whenever a session held here ends. */
    public void onEnded(BiConsumer<String, Held> listener) {
        endListeners.add(listener);
    }

    public boolean holds(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** This node's sessions of a kind and stream (an edge's link to it counts as one viewer). */
    public int count(WhipSessions.Kind kind, String streamId) {
        Held wanted = new Held(kind, streamId);
        return (int) sessions.values().stream().filter(wanted::equals).count();
    }

    /** The ids of the viewer sessions of a stream (edges' links included), to end them when it goes away. */
    public List<String> viewers(String streamId) {
        Held wanted = new Held(WhipSessions.Kind.WHEP, streamId);
        return sessions.entrySet().stream().filter(entry -> entry.getValue().equals(wanted))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Rewrites every session's entry, and the viewers of each stream carried here (published or pulled), which
     * edges and redirects read to find the nodes that carry a stream.
     */
    @Override
    public void beat() {
        directory.writeSessions(List.copyOf(sessions.keySet()), nodeId);
        for (var stream : streams.all()) {
            directory.writeViewers(stream.streamId(), nodeId, count(WhipSessions.Kind.WHEP, stream.streamId()));
        }
    }

    private void ended(String sessionId) {
        Held held = sessions.remove(sessionId);
        if (held == null) {
            return;
        }
        try {
            directory.removeSession(sessionId);
        } catch (DataAccessException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "session entry " + sessionId + " expires after the TTL");
        }
        endListeners.forEach(listener -> listener.accept(sessionId, held));
    }

    @Override
    public void destroy() {
        closed.close();
    }
}
