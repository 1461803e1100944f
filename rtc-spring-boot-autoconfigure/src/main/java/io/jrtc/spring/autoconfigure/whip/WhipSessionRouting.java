package io.jrtc.spring.autoconfigure.whip;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;

/**
 * Where WHIP and WHEP requests are served when the service runs as several nodes (cluster mode): before a POST is
 * served here, and before a PATCH or DELETE, the routing may answer instead (a redirect to another node, a
 * refusal, the response of the node that holds the session) or prepare this node (pull a stream published
 * elsewhere); it hears of every session a POST created here. The default serves everything here.
 */
public interface WhipSessionRouting {
    /** Serves every request on this node. */
    WhipSessionRouting LOCAL = new WhipSessionRouting() {
    };

    /** Before a POST of {@code kind}: the response to answer with instead, or null to serve it here. */
    default ResponseEntity<String> beforePost(WhipSessions.Kind kind, String streamId, HttpServletRequest request) {
        return null;
    }

    /** A POST created {@code sessionId} on this node. */
    default void created(WhipSessions.Kind kind, String streamId, String sessionId) {
    }

    /**
     * Before a PATCH or DELETE of a session: the response of the node that holds it when that is another node,
     * or null to serve it here.
     *
     * @param body the request's body, empty for a DELETE
     */
    default ResponseEntity<String> beforeSessionRequest(WhipSessions.Kind kind, String sessionId,
            HttpServletRequest request, String body) {
        return null;
    }
}
