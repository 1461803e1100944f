package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.UnknownPeerConnectionException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Session URLs are final (RFC 9725 section 4.5), but behind a load balancer a PATCH or DELETE may reach a node the
 * session does not live on: this filter notes each session a POST creates here in the directory, and passes a
 * PATCH or DELETE of a session another node owns on to that node's internal URL, answering with its response (502
 * when it does not answer). A forwarded request carries {@value #FORWARDED} and is never forwarded again.
 */
public class ClusterSessionFilter extends OncePerRequestFilter {
    /** Marks a request one node passed on to another. */
    public static final String FORWARDED = "X-Jrtc-Cluster-Forwarded";
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
            HttpHeaders.AUTHORIZATION);
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
            HttpHeaders.LINK, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, "Accept-Patch");
    private final String nodeId;
    private final PeerConnectionService service;
    private final ClusterDirectory directory;
    private final ClusterMetrics metrics;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;

    public ClusterSessionFilter(ClusterProperties properties, PeerConnectionService service,
            ClusterDirectory directory, ClusterMetrics metrics, JsonMapper json) {
        this.nodeId = properties.getNodeId();
        this.service = service;
        this.directory = directory;
        this.metrics = metrics;
        this.json = json;
        this.timeout = properties.getEdgeLinkTimeout();
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.POST.matches(request.getMethod())) {
            chain.doFilter(request, response);
            noteCreatedSession(response);
            return;
        }
        String sessionId = sessionId(request);
        boolean sessionRequest = HttpMethod.PATCH.matches(request.getMethod())
                || HttpMethod.DELETE.matches(request.getMethod());
        if (!sessionRequest || sessionId == null || request.getHeader(FORWARDED) != null || isLocal(sessionId)) {
            chain.doFilter(request, response);
            return;
        }
        ClusterNode owner;
        try {
            String ownerId = directory.sessionOwner(sessionId);
            owner = ownerId == null || ownerId.equals(nodeId) ? null : directory.node(ownerId).orElse(null);
            if (ownerId != null && owner == null && !ownerId.equals(nodeId)) {
                badGateway(request, response, "session " + sessionId + " lives on node " + ownerId
                        + ", which has left the cluster");
                return;
            }
        } catch (DataAccessException e) {
            owner = null;  // without the directory, the session is looked for here only (404)
        }
        if (owner == null) {
            chain.doFilter(request, response);
            return;
        }
        forward(request, response, owner);
    }

    private void noteCreatedSession(HttpServletResponse response) {
        String location = response.getStatus() == HttpServletResponse.SC_CREATED
                ? response.getHeader(HttpHeaders.LOCATION) : null;
        if (location == null) {
            return;
        }
        try {
            directory.writeSessions(nodeId, List.of(location.substring(location.lastIndexOf('/') + 1)));
        } catch (DataAccessException e) {
            // The next heartbeat writes it; until then only this node knows the session.
        }
    }

    private boolean isLocal(String sessionId) {
        try {
            service.get(sessionId);
            return true;
        } catch (UnknownPeerConnectionException e) {
            return false;
        }
    }

    private void forward(HttpServletRequest request, HttpServletResponse response, ClusterNode owner)
            throws IOException {
        if (owner.internalUrl() == null) {
            badGateway(request, response, "node " + owner.id() + " has no rtc.cluster.internal-url");
            return;
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        URI target = URI.create(owner.internalUrl()).resolve(request.getRequestURI() + query);
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(target).timeout(timeout).header(FORWARDED, nodeId)
                .method(request.getMethod(), HttpRequest.BodyPublishers.ofByteArray(
                        request.getInputStream().readAllBytes()));
        for (String header : REQUEST_HEADERS) {
            String value = request.getHeader(header);
            if (value != null) {
                forwarded.header(header, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            badGateway(request, response, "node " + owner.id() + ", where the session lives, did not answer: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            badGateway(request, response, "interrupted forwarding to node " + owner.id());
            return;
        }
        metrics.forward();
        response.setStatus(answer.statusCode());
        for (String header : RESPONSE_HEADERS) {
            answer.headers().firstValue(header).ifPresent(value -> response.setHeader(header, value));
        }
        response.getOutputStream().write(answer.body());
    }

    /** The session id of {@code <endpoint>/<stream>/<session>}, or null for another path. */
    private static String sessionId(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String[] segments = path.split("/");
        return segments.length >= 4 && !segments[segments.length - 1].isEmpty() ? segments[segments.length - 1]
                : null;
    }

    private void badGateway(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        ClusterProblems.write(json, request, response, HttpServletResponse.SC_BAD_GATEWAY, "session-owner-unreachable",
                "The node owning the session did not answer", why);
    }
}
