package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.WhipSessionRouting;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Placement in cluster mode (RFC 9725 section 4.5 and the WHEP draft allow a 307 on the POST; session URLs are
 * final): a WHEP POST to a node that is full ({@code rtc.cluster.max-viewers}) or draining is redirected to a
 * live node with room, preferring one that carries the stream; a POST that was already redirected, or that finds
 * no node with room, gets 503 with Retry-After. A stream published elsewhere is pulled here first
 * ({@link EdgeLinks}). A WHIP POST to a draining node is redirected the same way. A PATCH or DELETE of a session
 * another node holds is forwarded to it ({@link SessionForwarder}).
 */
public class ClusterRouting implements WhipSessionRouting {
    /** Marks a redirected POST, so the node it reaches refuses rather than redirecting again. */
    public static final String HOP_PARAMETER = "cluster-hop";

    private final ClusterMembership membership;
    private final ClusterDirectory directory;
    private final ClusterStreamRegistry streams;
    private final ClusterSessions sessions;
    private final EdgeLinks edges;
    private final SessionForwarder forwarder;
    private final long retryAfterSeconds;
    private final AtomicLong redirects = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    public ClusterRouting(ClusterMembership membership, ClusterDirectory directory, ClusterStreamRegistry streams,
            ClusterSessions sessions, EdgeLinks edges, SessionForwarder forwarder, ClusterProperties properties) {
        this.membership = membership;
        this.directory = directory;
        this.streams = streams;
        this.sessions = sessions;
        this.edges = edges;
        this.forwarder = forwarder;
        this.retryAfterSeconds = Math.max(1, properties.getHeartbeat().toSeconds());
    }

    @Override
    public ResponseEntity<String> beforePost(WhipSessions.Kind kind, String streamId, HttpServletRequest request) {
        ClusterNode self = membership.self();
        boolean full = kind == WhipSessions.Kind.WHEP ? !self.hasRoom()
                : self.state() != ClusterNode.State.SERVING;
        if (full) {
            return elsewhere(self, kind, streamId, request);
        }
        if (kind == WhipSessions.Kind.WHIP || streams.find(streamId).isPresent()) {
            return null;
        }
        try {
            StreamLease lease = directory.lease(streamId);
            if (lease != null && !lease.nodeId().equals(self.id())) {
                edges.pull(streamId, lease);
            }
            return null;
        } catch (DataAccessException e) {
            return unavailable("cluster-unavailable", "Cluster directory unavailable", "playing " + streamId
                    + ": the cluster directory (Redis) cannot be reached: " + e.getMessage());
        } catch (EdgeLinkException e) {
            return unavailable("edge-unavailable", "Stream unavailable on this node", e.getMessage());
        }
    }

    /** A 307 to the best other node with room, or 503 when there is none or this request was redirected already. */
    private ResponseEntity<String> elsewhere(ClusterNode self, WhipSessions.Kind kind, String streamId,
            HttpServletRequest request) {
        String why = "node " + self.id() + (self.state() == ClusterNode.State.SERVING ? " is full ("
                + self.viewers() + " of " + self.maxViewers() + " viewers)" : " is draining");
        if (request.getParameter(HOP_PARAMETER) != null) {
            refusals.incrementAndGet();
            return unavailable("no-room", "No node has room", why + ", and the request was redirected already");
        }
        Optional<ClusterNode> target;
        try {
            Set<String> carriers = kind == WhipSessions.Kind.WHEP ? directory.viewers(streamId).keySet() : Set.of();
            target = directory.nodes().stream()
                    .filter(node -> !node.id().equals(self.id()) && node.publicUrl() != null && node.hasRoom())
                    .min(Comparator.comparing((ClusterNode node) -> !carriers.contains(node.id()))
                            .thenComparingInt(ClusterNode::viewers));
        } catch (DataAccessException e) {
            target = Optional.empty();
        }
        if (target.isEmpty()) {
            refusals.incrementAndGet();
            return unavailable("no-room", "No node has room", why + ", and no other node has room");
        }
        redirects.incrementAndGet();
        String location = stripSlash(target.get().publicUrl()) + request.getRequestURI() + "?" + HOP_PARAMETER + "=1";
        return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT).header(HttpHeaders.LOCATION, location).build();
    }

    @Override
    public void created(WhipSessions.Kind kind, String streamId, String sessionId) {
        sessions.created(kind, streamId, sessionId);
    }

    @Override
    public ResponseEntity<String> beforeSessionRequest(WhipSessions.Kind kind, String sessionId,
            HttpServletRequest request, String body) {
        if (sessions.holds(sessionId) || request.getHeader(SessionForwarder.FORWARDED_HEADER) != null) {
            return null;
        }
        return forwarder.forward(sessionId, request, body);
    }

    /** POSTs sent to another node with a 307. */
    public long redirects() {
        return redirects.get();
    }

    /** POSTs refused with 503 because no node had room. */
    public long refusals() {
        return refusals.get();
    }

    private ResponseEntity<String> unavailable(String type, String title, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.of(503, type, title, detail));
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
