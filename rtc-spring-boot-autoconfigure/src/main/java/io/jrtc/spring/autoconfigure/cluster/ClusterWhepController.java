package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.IceServerLinks;
import io.jrtc.spring.autoconfigure.whip.WhipResponses;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node-to-node WHEP endpoint edges pull streams from ({@code rtc.cluster.internal-path} under the node's
 * internal URL): WHEP as the public endpoint speaks it, for streams this node carries, each request signed with a
 * cluster token for its stream ({@link ClusterTokens}, 401 otherwise). It never pulls in turn and never
 * redirects, so a pull cannot loop; its sessions count toward the node's load like any viewer's.
 */
@RestController
@RequestMapping("${rtc.cluster.internal-path:/cluster/whep}")
@Hidden
public class ClusterWhepController {
    private static final String BEARER = "Bearer ";
    private final WhipSessions sessions;
    private final IceServerLinks links;
    private final ClusterTokens tokens;
    private final ClusterSessions held;

    public ClusterWhepController(WhipSessions sessions, IceServerLinks links, ClusterTokens tokens,
            ClusterSessions held) {
        this.sessions = sessions;
        this.links = links;
        this.tokens = tokens;
        this.held = held;
    }

    @PostMapping(path = "/{streamId}", consumes = "application/sdp")
    public ResponseEntity<String> pull(@PathVariable String streamId, @RequestBody String offer,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        verify(authorization, streamId);
        WhipSessions.CreatedSession created = sessions.play(streamId, offer);
        // Held like a client's session, so an edge of this edge is ended with the stream here (a tree).
        held.created(WhipSessions.Kind.WHEP, streamId, created.sessionId());
        return WhipResponses.created(created, links);
    }

    @PatchMapping(path = "/{streamId}/{sessionId}", consumes = "application/trickle-ice-sdpfrag")
    public ResponseEntity<String> trickle(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestBody String fragment,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        verify(authorization, streamId);
        return WhipResponses.patched(sessions.patch(WhipSessions.Kind.WHEP, sessionId, ifMatch, fragment));
    }

    @DeleteMapping("/{streamId}/{sessionId}")
    public ResponseEntity<Void> stop(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        verify(authorization, streamId);
        sessions.delete(WhipSessions.Kind.WHEP, sessionId);
        return ResponseEntity.ok().build();
    }

    private void verify(String authorization, String streamId) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidClusterTokenException("a cluster token is required (Authorization: Bearer)");
        }
        tokens.verify(authorization.substring(BEARER.length()).strip(), streamId);
    }
}
