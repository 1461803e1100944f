package io.jrtc.spring.autoconfigure.cluster;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends a PATCH or DELETE that reached a node other than the session's to the node the directory names, at its
 * internal URL and the same path, with the client's own credentials (the owner checks them as for any request),
 * and answers with the owner's response. A forwarded request is marked, so it is never forwarded twice.
 */
public class SessionForwarder {
    /** Marks a forwarded request; its value is the forwarding node. */
    public static final String FORWARDED_HEADER = "X-Jrtc-Cluster-Forwarded";
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.IF_MATCH,
            HttpHeaders.CONTENT_TYPE);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

    private final ClusterDirectory directory;
    private final String nodeId;
    private final HttpClient http;
    private final Duration timeout;
    private final AtomicLong forwards = new AtomicLong();

    public SessionForwarder(ClusterDirectory directory, ClusterProperties properties, Duration timeout) {
        this.directory = directory;
        this.nodeId = properties.getNodeId();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** The owner's response, or null when no other live node holds the session (then it is served here: 404). */
    public ResponseEntity<String> forward(String sessionId, HttpServletRequest request, String body) {
        ClusterNode owner;
        try {
            String ownerId = directory.sessionOwner(sessionId);
            owner = ownerId == null || ownerId.equals(nodeId) ? null : directory.node(ownerId);
        } catch (DataAccessException e) {
            return null;
        }
        if (owner == null || owner.internalUrl() == null) {
            return null;
        }
        URI target = URI.create(ClusterRouting.stripSlash(owner.internalUrl()) + request.getRequestURI());
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target).timeout(timeout)
                .header(FORWARDED_HEADER, nodeId)
                .method(request.getMethod(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (String name : REQUEST_HEADERS) {
            String value = request.getHeader(name);
            if (value != null) {
                forwarded.header(name, value);
            }
        }
        forwards.incrementAndGet();
        try {
            HttpResponse<String> response = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            ResponseEntity.BodyBuilder answer = ResponseEntity.status(response.statusCode());
            for (String name : RESPONSE_HEADERS) {
                response.headers().firstValue(name).ifPresent(value -> answer.header(name, value));
            }
            return answer.body(response.body().isEmpty() ? null : response.body());
        } catch (IOException e) {
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemJson.of(502, "session-owner-unreachable", "Session owner unreachable",
                            "session " + sessionId + " is held by node " + owner.id() + ", which did not answer: "
                                    + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Requests forwarded to the node holding their session. */
    public long forwards() {
        return forwards.get();
    }
}
