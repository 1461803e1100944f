package io.jrtc.spring.autoconfigure.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a WHIP or WHEP POST that this node has no room for elsewhere ({@link ClusterPlacement}): 307 with the
 * Location on the chosen node's public URL (RFC 9725 section 4.5, the WHEP draft; the method and the offer are
 * kept), marked with {@value #REDIRECTED} so the node it reaches answers 503 rather than redirect again; 503
 * {@code no-room} with Retry-After when no node has room. PATCH, DELETE and OPTIONS pass: session URLs are final.
 */
public class ClusterPlacementFilter extends OncePerRequestFilter {
    /** The query parameter that marks a redirected POST. */
    public static final String REDIRECTED = "cluster-redirected";
    static final int RETRY_AFTER_SECONDS = 5;
    private final ClusterMembership membership;
    private final ClusterDirectory directory;
    private final ClusterMetrics metrics;
    private final JsonMapper json;

    public ClusterPlacementFilter(ClusterMembership membership, ClusterDirectory directory, ClusterMetrics metrics,
            JsonMapper json) {
        this.membership = membership;
        this.directory = directory;
        this.metrics = metrics;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String streamId = streamId(request);
        if (!HttpMethod.POST.matches(request.getMethod()) || streamId == null) {
            chain.doFilter(request, response);
            return;
        }
        ClusterPlacement.Decision decision;
        try {
            ClusterNode self = membership.self();
            decision = self.hasRoom() ? new ClusterPlacement.Serve() : ClusterPlacement.decide(self,
                    request.getParameter(REDIRECTED) != null, directory.nodes(), directory.viewers(streamId));
        } catch (DataAccessException e) {
            decision = new ClusterPlacement.NoRoom("this node is full and the cluster directory (Redis) cannot be"
                    + " reached: " + e.getMessage());
        }
        if (decision instanceof ClusterPlacement.Redirect redirect) {
            metrics.redirect("redirected");
            allowCors(request, response);
            response.setStatus(HttpServletResponse.SC_TEMPORARY_REDIRECT);
            response.setHeader(HttpHeaders.LOCATION, location(redirect.node(), request));
        } else if (decision instanceof ClusterPlacement.NoRoom noRoom) {
            metrics.redirect("no-room");
            allowCors(request, response);
            noRoom(request, response, noRoom.why());
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The stream id of a POST to {@code <endpoint>/<stream>}, or null for anything else. */
    private static String streamId(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        int slash = path.lastIndexOf('/');
        return slash > 0 && slash < path.length() - 1 ? path.substring(slash + 1) : null;
    }

    /** The same path and query on the node's public URL, marked as redirected. */
    static String location(ClusterNode node, HttpServletRequest request) {
        String query = request.getQueryString();
        String marked = (query == null || query.isEmpty() ? "" : query + "&") + REDIRECTED + "=1";
        return URI.create(node.publicUrl()).resolve(request.getRequestURI() + "?" + marked).toString();
    }

    /** A page follows the redirect itself when the browser would not carry its token: it must see Location. */
    private static void allowCors(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader(HttpHeaders.ORIGIN) != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, "Location, Retry-After, Content-Type");
        }
    }

    private void noRoom(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        ClusterProblems.write(json, request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "no-room",
                "No node has room", why);
    }

    /** The paths this filter guards: the WHIP and WHEP endpoints' stream URLs. */
    static List<String> urlPatterns(String whipPath, String whepPath) {
        return List.of(base(whipPath) + "/*", base(whepPath) + "/*");
    }

    private static String base(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
