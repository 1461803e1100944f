package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.StreamNotFoundException;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.List;
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
 * token for the stream ({@code Authorization: Bearer}, {@link ClusterTokens}); without one it is 401. Streams
 * this node carries are served (published here, or pulled by a link of its own that is up) up to {@code
 * rtc.cluster.max-links-per-stream} links each (then 503, and the caller tries another carrier); never to a node
 * on this node's own path from the origin (409), so links cannot loop, nor deeper than {@code
 * rtc.cluster.max-link-depth}.
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
    private final ServedLinks served;
    private final ClusterProperties properties;

    public ClusterWhepController(WhipSessions sessions, ClusterStreamRegistry streams, ClusterTokens tokens,
            ServedLinks served, ClusterProperties properties) {
        this.sessions = sessions;
        this.streams = streams;
        this.tokens = tokens;
        this.served = served;
        this.properties = properties;
        sessions.addViewerListener(served);
    }

    @PostMapping(path = "/{streamId}", consumes = APPLICATION_SDP)
    public ResponseEntity<String> play(@PathVariable String streamId, @RequestBody String offer,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String requester = authenticate(authorization, streamId);
        List<String> path = streams.path(streamId).orElseThrow(() -> new StreamNotFoundException(streamId));
        if (path.contains(requester)) {
            throw LinkRefusedException.loop(streamId, requester, path);
        }
        if (path.size() > properties.getMaxLinkDepth()) {
            throw LinkRefusedException.tooDeep(streamId, path, properties.getMaxLinkDepth());
        }
        if (!served.reserve(streamId, properties.getMaxLinksPerStream())) {
            throw LinkRefusedException.full(streamId, properties.getMaxLinksPerStream());
        }
        WhipSessions.CreatedSession session;
        try {
            session = sessions.play(streamId, offer, null);
        } catch (RuntimeException e) {
            served.unreserve(streamId);
            throw e;
        }
        served.served(streamId, session.sessionId());
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

    /** The calling node, when the request carries a valid token for the stream. */
    private String authenticate(String authorization, String streamId) {
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        String node = tokens.verify(token, streamId);
        if (node == null) {
            throw new ClusterUnauthorizedException(streamId);
        }
        return node;
    }
}
