package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;

/**
 * This node's edge links, at most one per stream however many local viewers it has: made on the first viewer of a
 * stream whose lease is on another node (pulled from that origin, or past its link limit from an edge carrying
 * it), closed a grace period ({@code rtc.cluster.edge-link-grace}) after its last viewer left, or when the
 * connection to its source fails or closes (its viewers' sessions end with it).
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
    private final WaitingViewers waiting = new WaitingViewers();
    /** Opens links: trying sources one after another blocks, so not on the caller's or the common pool. */
    private final ExecutorService opener = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "jrtc-edge-link-opener");
        thread.setDaemon(true);
        return thread;
    });

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
            // Each source tried gets the timeout, and a full one is retried for up to one more.
            return link.get(properties.getEdgeLinkTimeout().toMillis() * 3, TimeUnit.MILLISECONDS).stream();
        } catch (ExecutionException | TimeoutException e) {
            links.remove(lease.streamId(), link);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new EdgeLinkFailedException(lease, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeLinkFailedException(lease, e);
        }
    }

    /**
     * Opens a link from the first source that takes it: the origin, or past its link limit an edge carrying the
     * stream ({@link LinkSources}). When every source is full (an edge that has just linked may not be in the
     * directory yet), the directory is read again after a heartbeat, until the link timeout.
     */
    private CompletableFuture<EdgeLink> open(StreamLease lease) {
        return CompletableFuture.supplyAsync(() -> {
            long deadline = clock.millis() + properties.getEdgeLinkTimeout().toMillis();
            while (true) {
                try {
                    return openFromSources(lease);
                } catch (HttpSignalingException e) {
                    if (e.getStatus() != 503 || clock.millis() >= deadline) {
                        throw e;
                    }
                }
                sleep(properties.getHeartbeat());
            }
        }, opener);
    }

    /** The link from the first source that takes it; the last source's failure when none does. */
    private EdgeLink openFromSources(StreamLease lease) {
        List<StreamCarrier> carriers = directory.carriers(lease.streamId());
        List<String> sources = LinkSources.candidates(properties.getNodeId(), lease.nodeId(), carriers,
                properties.getMaxLinksPerStream(), properties.getMaxLinkDepth());
        RuntimeException last = new IllegalStateException("no node carries stream " + lease.streamId());
        for (String source : sources) {
            List<String> path = new ArrayList<>(carriers.stream().filter(c -> c.nodeId().equals(source))
                    .map(StreamCarrier::path).findFirst().orElse(List.of(source)));
            path.add(properties.getNodeId());
            try {
                return link(lease, source, path);
            } catch (RuntimeException e) {
                last = e;
                LOG.log(System.Logger.Level.DEBUG, () -> "pulling " + lease.streamId() + " from node " + source
                        + " failed: " + e.getMessage());
            }
        }
        throw last;
    }

    /** A link of the leased stream from {@code source}'s internal endpoint, once its answer is applied. */
    private EdgeLink link(StreamLease lease, String source, List<String> path) {
        String streamId = lease.streamId();
        String internalUrl = directory.node(source).map(ClusterNode::internalUrl).orElseThrow(() ->
                new IllegalStateException("node " + source + " is not in the directory or has no"
                        + " rtc.cluster.internal-url"));
        URI endpoint = URI.create(withoutTrailingSlash(internalUrl) + ClusterWhepController.PATH + "/"
                + URLEncoder.encode(streamId, StandardCharsets.UTF_8).replace("+", "%20"));
        SignalingSession session;
        try {
            session = WhepClient.builder(endpoint).bearerToken(tokens.issue(properties.getNodeId(), streamId))
                    .httpClient(http).timeout(properties.getEdgeLinkTimeout()).trickle(false).build()
                    .play(engine::newPeerConnection).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        EdgeLink link = new EdgeLink(streamId, path, lease.epoch(), session, clock.millis());
        session.peerConnection().onConnectionStateChange(state -> {
            if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                close(link, "its connection to node " + source + " is " + state, true);
            }
        });
        LOG.log(System.Logger.Level.INFO, "pulling " + streamId + " from node " + source + " (path " + path + ")");
        noteCarrier(streamId, path, 0);
        return link;
    }

    /**
     * Tells the directory at once that this node carries {@code streamId}, so an edge linking next can pull from
     * it without waiting for the heartbeat, which rewrites it with the links served.
     */
    private void noteCarrier(String streamId, List<String> path, int linksServed) {
        try {
            directory.writeCarrier(streamId, new StreamCarrier(properties.getNodeId(), linksServed, path));
        } catch (DataAccessException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "could not note the link of " + streamId + ": " + e);
        }
    }

    /** Closes the links that had no viewer for the grace period; runs every heartbeat. */
    void closeIdle() {
        long grace = properties.getEdgeLinkGrace().toMillis();
        long now = clock.millis();
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null && link.idleFor(grace, now)) {
                close(link, "it had no viewer for " + properties.getEdgeLinkGrace(), false);
            }
        }
    }

    /**
     * Closes the links whose origin node, or the edge they pull from, left the directory (killed, or cut off): its
     * entry expired after the TTL, well before the link's connection would fail on ICE consent; and those whose
     * stream's lease ended or is another publisher's now (a new epoch). This must hold for two heartbeats, so that
     * a FLUSHALL or a Redis restart, healed by the origin's next heartbeat, does not cut anybody off. Runs every
     * heartbeat; needs Redis.
     */
    void closeOrphans() {
        long patience = properties.getHeartbeat().toMillis() * 2;
        long now = clock.millis();
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link == null) {
                continue;
            }
            StreamLease lease = directory.lease(streamId);
            boolean missing = lease == null || lease.epoch() != link.epoch()
                    || directory.node(link.originNode()).isEmpty() || directory.node(link.sourceNode()).isEmpty();
            if (link.upstreamMissingFor(missing, now) >= patience) {
                close(link, "the stream's lease ended or changed hands, or its origin " + link.originNode()
                        + " or source " + link.sourceNode() + " left the cluster directory", true);
            }
        }
    }

    /**
     * Moves the viewers waiting for a stream to be published again to its new source once it is (a link pulled
     * anew, or the stream published on this node), and ends those that waited {@code rtc.cluster.republish-grace}.
     * Runs every heartbeat; needs Redis.
     */
    void relinkWaiting() {
        WhipSessions whip = sessions.getIfAvailable();
        if (whip == null) {
            return;
        }
        long now = clock.millis();
        for (WaitingViewers.Waiting waited : waiting.all()) {
            String streamId = waited.stream().streamId();
            if (now - waited.sinceMillis() >= properties.getRepublishGrace().toMillis()) {
                if (waiting.release(waited)) {
                    LOG.log(System.Logger.Level.INFO, "viewers of " + streamId + " end: it was not published again"
                            + " within " + properties.getRepublishGrace());
                    whip.endViewers(waited.stream());
                }
                continue;
            }
            StreamLease lease = directory.lease(streamId);
            if (lease == null) {
                continue;
            }
            Optional<PublishedStream> source = lease.nodeId().equals(properties.getNodeId())
                    ? whip.streams().find(streamId) : linkFor(lease);
            if (source.isPresent() && waiting.release(waited)) {
                int moved = whip.switchViewers(waited.stream(), source.get());
                LOG.log(System.Logger.Level.INFO, moved + " viewers of " + streamId + " moved to its new publisher"
                        + " on node " + lease.nodeId() + " after " + (now - waited.sinceMillis()) + " ms");
            }
        }
    }

    /** The live link of the leased stream; when there is none, one is opened, and is there on a later call. */
    private Optional<PublishedStream> linkFor(StreamLease lease) {
        CompletableFuture<EdgeLink> link = links.compute(lease.streamId(), (id, current) ->
                current == null || current.isCompletedExceptionally() ? open(lease) : current);
        return link.isDone() && !link.isCompletedExceptionally() ? Optional.of(link.join().stream())
                : Optional.empty();
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

    /** The link of {@code streamId}'s path from the origin to this node, once it is up. */
    Optional<List<String>> path(String streamId) {
        return Optional.ofNullable(live(streamId)).map(EdgeLink::path);
    }

    /** Links that are up. */
    public int size() {
        return (int) links.keySet().stream().filter(id -> live(id) != null).count();
    }

    private EdgeLink live(String streamId) {
        CompletableFuture<EdgeLink> link = links.get(streamId);
        return link != null && link.isDone() && !link.isCompletedExceptionally() ? link.join() : null;
    }

    /**
     * Forgets the link, tells its source (with a fresh token) and closes the connection; its viewers end, or, when
     * {@code publisherGone} and {@code rtc.cluster.republish-grace} is set, wait for the stream to be published
     * again.
     */
    private void close(EdgeLink link, String why, boolean publisherGone) {
        String streamId = link.stream().streamId();
        CompletableFuture<EdgeLink> current = links.get(streamId);
        if (current == null || !current.isDone() || current.getNow(null) != link || !links.remove(streamId, current)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "edge link of " + streamId + " closed: " + why);
        try {
            directory.removeCarrier(streamId, properties.getNodeId());
        } catch (DataAccessException | IllegalStateException e) {  // Redis down, or its client closed first
            LOG.log(System.Logger.Level.DEBUG, () -> "could not remove the carrier entry of " + streamId + ": " + e);
        }
        boolean wait = publisherGone && !properties.getRepublishGrace().isZero() && link.stream().viewers() > 0;
        link.stream().tracks().forEach(MediaStreamTrack::stop);
        WhipSessions whip = sessions.getIfAvailable();
        if (wait) {
            waiting.hold(link.stream(), clock.millis());
        } else if (whip != null) {
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
        opener.shutdownNow();
        WhipSessions whip = sessions.getIfAvailable();
        for (WaitingViewers.Waiting waited : waiting.all()) {
            if (waiting.release(waited) && whip != null) {
                whip.endViewers(waited.stream());
            }
        }
        for (String streamId : links.keySet()) {
            EdgeLink link = live(streamId);
            if (link != null) {
                close(link, "the node stops", false);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
