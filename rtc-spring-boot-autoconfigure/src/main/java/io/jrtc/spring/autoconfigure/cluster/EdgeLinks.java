package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.WhepClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;

/**
 * This node's edge links, at most one per stream however many local viewers it has: made on the first viewer of a
 * stream whose lease is on another node, closed a grace period ({@code rtc.cluster.edge-link-grace}) after its
 * last viewer left, or when the origin's connection fails or closes (its viewers' sessions end with it).
 */
public class EdgeLinks implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EdgeLinks.class.getName());
    private final RtcEngine engine;
    private final ClusterDirectory directory;
    private final ClusterTokens tokens;
    private final ClusterProperties properties;
    private final ObjectProvider<WhipSessions> sessions;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, CompletableFuture<EdgeLink>> links = new ConcurrentHashMap<>();

    public EdgeLinks(RtcEngine engine, ClusterDirectory directory, ClusterTokens tokens, ClusterProperties properties,
            ObjectProvider<WhipSessions> sessions, Clock clock) {
        this.engine = engine;
        this.directory = directory;
        this.tokens = tokens;
        this.properties = properties;
        this.sessions = sessions;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.getEdgeLinkTimeout()).build();
    }

    /** The stream of the link this node has for {@code streamId}, once it is up. */
    public Optional<PublishedStream> find(String streamId) {
        return Optional.ofNullable(live(streamId)).map(EdgeLink::stream);
    }

    /**
     * The stream pulled from the origin {@code lease} names: this node's link, or a new one when it has none (the
     * call waits until the origin answered and the answer is applied).
     *
     * @throws EdgeLinkFailedException when the origin cannot be reached or refuses
     */
    public PublishedStream pull(StreamLease lease) {
        CompletableFuture<EdgeLink> link = links.computeIfAbsent(lease.streamId(), id -> open(lease));
        try {
            return link.get(properties.getEdgeLinkTimeout().toMillis() * 2, TimeUnit.MILLISECONDS).stream();
        } catch (ExecutionException | TimeoutException e) {
            links.remove(lease.streamId(), link);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new EdgeLinkFailedException(lease, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeLinkFailedException(lease, e);
        }
    }

    private CompletableFuture<EdgeLink> open(StreamLease lease) {
        String internalUrl;
        try {
            internalUrl = directory.node(lease.nodeId()).map(ClusterNode::internalUrl).orElse(null);
        } catch (DataAccessException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (internalUrl == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("node " + lease.nodeId()
                    + " is not in the directory or has no rtc.cluster.internal-url"));
        }
        URI endpoint = URI.create(withoutTrailingSlash(internalUrl) + ClusterWhepController.PATH + "/"
                + URLEncoder.encode(lease.streamId(), StandardCharsets.UTF_8).replace("+", "%20"));
        return WhepClient.builder(endpoint).bearerToken(tokens.issue(properties.getNodeId(), lease.streamId()))
                .httpClient(http).timeout(properties.getEdgeLinkTimeout()).trickle(false).build()
                .play(engine::newPeerConnection)
                .thenApply(session -> {
                    EdgeLink link = new EdgeLink(lease.streamId(), lease.nodeId(), session, clock.millis());
                    session.peerConnection().onConnectionStateChange(state -> {
                        if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                            close(link, "its connection to node " + lease.nodeId() + " is " + state);
                        }
                    });
                    LOG.log(System.Logger.Level.INFO, "pulling " + lease.streamId() + " from node " + lease.nodeId());
                    return link;
                });
    }

    /** Closes the links that had no viewer for the grace period; runs every heartbeat. */
    void closeIdle() {
        long grace = properties.getEdgeLinkGrace().toMillis();
        long now = clock.millis();
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null && link.idleFor(grace, now)) {
                close(link, "it had no viewer for " + properties.getEdgeLinkGrace());
            }
        }
    }

    /**
     * Closes the links whose origin node left the directory (killed, or cut off): its entry expired after the TTL,
     * well before the link's connection would fail on ICE consent. An origin must be missing for two heartbeats,
     * so that a FLUSHALL or a Redis restart, healed by the origin's next heartbeat, does not cut anybody off. Runs
     * every heartbeat; needs Redis.
     */
    void closeOrphans() {
        long patience = properties.getHeartbeat().toMillis() * 2;
        long now = clock.millis();
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null && link.originMissingFor(directory.node(link.originNode()).isEmpty(), now) >= patience) {
                close(link, "its origin node " + link.originNode() + " left the cluster directory");
            }
        }
    }

    /** Local viewers per pulled stream. */
    Map<String, Integer> viewers() {
        Map<String, Integer> viewers = new HashMap<>();
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null) {
                viewers.put(streamId, link.stream().viewers());
            }
        }
        return viewers;
    }

    /** The connection of the link that pulls {@code streamId}, once it is up. */
    Optional<RTCPeerConnection> connection(String streamId) {
        return Optional.ofNullable(live(streamId)).map(link -> link.session().peerConnection());
    }

    /** Links that are up. */
    public int size() {
        return (int) links.keySet().stream().filter(id -> live(id) != null).count();
    }

    private EdgeLink live(String streamId) {
        CompletableFuture<EdgeLink> link = links.get(streamId);
        return link != null && link.isDone() && !link.isCompletedExceptionally() ? link.join() : null;
    }

    /** Forgets the link, ends its viewers, tells the origin (with a fresh token) and closes the connection. */
    private void close(EdgeLink link, String why) {
        String streamId = link.stream().streamId();
        CompletableFuture<EdgeLink> current = links.get(streamId);
        if (current == null || !current.isDone() || current.getNow(null) != link || !links.remove(streamId, current)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "edge link of " + streamId + " closed: " + why);
        link.stream().tracks().forEach(MediaStreamTrack::stop);
        WhipSessions whip = sessions.getIfAvailable();
        if (whip != null) {
            whip.endViewers(link.stream());
        }
        HttpRequest delete = HttpRequest.newBuilder(link.session().url()).timeout(properties.getEdgeLinkTimeout())
                .header("Authorization", "Bearer " + tokens.issue(properties.getNodeId(), streamId)).DELETE().build();
        http.sendAsync(delete, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "DELETE of the link of " + streamId + " failed: " + failure);
            }
        });
        link.session().peerConnection().close();
    }

    @Override
    public void close() {
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null) {
                close(link, "the node stops");
            }
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
