package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.StreamNotFoundException;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The node-internal WHEP endpoint another node's edge link pulls a stream from: {@code POST /cluster/whep/{stream}}
 * with a complete offer (no trickle), {@code DELETE} on the session it creates. Every request carries a cluster
 * token for the stream ({@code Authorization: Bearer}, {@link ClusterTokens}); without one it is 401. Only
 * streams published on this node are served, so links never chain back and forth.
 */
@Hidden
@RestController
@RequestMapping(ClusterWhepController.PATH)
public class ClusterWhepController {
    public static final String PATH = "/cluster/whep";
    static final String APPLICATION_SDP = "application/sdp";
    private static final String BEARER = "Bearer ";

    private final WhipSessions sessions;
    private final ClusterStreamRegistry streams;
    private final ClusterTokens tokens;

    public ClusterWhepController(WhipSessions sessions, ClusterStreamRegistry streams, ClusterTokens tokens) {
        this.sessions = sessions;
        this.streams = streams;
        this.tokens = tokens;
    }

    @PostMapping(path = "/{streamId}", consumes = APPLICATION_SDP)
    public ResponseEntity<String> play(@PathVariable String streamId, @RequestBody String offer,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(authorization, streamId);
        if (streams.lease(streamId).isEmpty()) {
            throw new StreamNotFoundException(streamId);
        }
        WhipSessions.CreatedSession session = sessions.play(streamId, offer, null);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(session.sessionId()).toUri();
        return ResponseEntity.created(location).eTag(session.etag()).header(HttpHeaders.CONTENT_TYPE, APPLICATION_SDP)
                .body(session.answer());
    }

    @DeleteMapping("/{streamId}/{sessionId}")
    public ResponseEntity<Void> stop(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        authenticate(authorization, streamId);
        sessions.delete(WhipSessions.Kind.WHEP, sessionId);
        return ResponseEntity.ok().build();
    }

    private void authenticate(String authorization, String streamId) {
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        if (tokens.verify(token, streamId) == null) {
            throw new ClusterUnauthorizedException(streamId);
        }
    }
}
