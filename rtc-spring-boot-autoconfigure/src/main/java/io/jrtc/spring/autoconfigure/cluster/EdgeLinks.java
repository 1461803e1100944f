package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;

/**
 * Edge pull: a stream published on another node is played here by pulling it once over WHEP from the node's
 * internal endpoint (with a cluster token) and registering what arrives as a local stream, which every local
 * viewer then plays as it would a local publisher's. One link per stream, however many viewers; it closes a grace
 * period after its last local viewer left, when its connection fails, or when the heartbeat finds the origin's
 * lease or the upstream node gone (ending its viewers, who reconnect). Pulls from the origin while it has room,
 * else from an edge that carries the stream and has room (a tree).
 */
public class EdgeLinks implements ClusterHeartbeatTask, DisposableBean {
    private static final System.Logger LOG = System.getLogger(EdgeLinks.class.getName());
    /** Keyframe requests of a crowd of local viewers go upstream at most this often. */
    static final Duration KEYFRAME_INTERVAL = Duration.ofMillis(500);
    private static final Set<String> NOT_MEDIA_CODECS = Set.of("video/rtx", "video/red", "video/ulpfec",
            "video/flexfec-03");

    private final ClusterDirectory directory;
    private final ClusterStreamRegistry streams;
    private final ClusterSessions sessions;
    private final PeerConnectionService service;
    private final ClusterTokens tokens;
    private final ClusterProperties properties;
    private final Duration pullTimeout;
    private final Map<String, CompletableFuture<EdgeLink>> links = new ConcurrentHashMap<>();
    private final Map<String, Long> lastUsed = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idleChecks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "jrtc-cluster-edge-idle");
        thread.setDaemon(true);
        return thread;
    });

    public EdgeLinks(ClusterDirectory directory, ClusterStreamRegistry streams, ClusterSessions sessions,
            PeerConnectionService service, ClusterTokens tokens, ClusterProperties properties, Duration pullTimeout) {
        this.directory = directory;
        this.streams = streams;
        this.sessions = sessions;
        this.service = service;
        this.tokens = tokens;
        this.properties = properties;
        this.pullTimeout = pullTimeout;
        sessions.onEnded((sessionId, held) -> {
            if (held.kind() == WhipSessions.Kind.WHEP && links.containsKey(held.streamId())) {
                touch(held.streamId());
            }
        });
    }

    /**
     * Makes this node carry {@code streamId}, published under {@code lease} on another node: waits for the link a
     * concurrent viewer is making, or makes it.
     *
     * @throws EdgeLinkException when no upstream node can be reached in time
     */
    public void pull(String streamId, StreamLease lease) {
        CompletableFuture<EdgeLink> link = links.computeIfAbsent(streamId, id -> open(id, lease));
        try {
            link.get(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
            touch(streamId);
        } catch (ExecutionException | TimeoutException e) {
            links.remove(streamId, link);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new EdgeLinkException("pulling " + streamId + " from node " + lease.nodeId() + " failed: "
                    + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeLinkException("interrupted while pulling " + streamId, e);
        }
    }

    /** Links that are up. */
    public int count() {
        return (int) links.values().stream().filter(link -> link.isDone() && !link.isCompletedExceptionally())
                .count();
    }

    /** Keyframe requests of local viewers, and those sent upstream, over every live link. */
    long[] keyframeRequests() {
        long asked = 0;
        long forwarded = 0;
        for (EdgeLink link : live()) {
            if (link.video() != null) {
                asked += link.video().asked();
                forwarded += link.video().forwarded();
            }
        }
        return new long[] {asked, forwarded};
    }

    private CompletableFuture<EdgeLink> open(String streamId, StreamLease lease) {
        ClusterNode source = source(streamId, lease);
        URI endpoint = URI.create(ClusterRouting.stripSlash(source.internalUrl()) + properties.getInternalPath() + "/"
                + streamId);
        ManagedPeerConnection connection = service.create(null);
        RTCPeerConnection pc = connection.peerConnection();
        pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
        pc.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
        String self = properties.getNodeId();
        WhepClient client = WhepClient.builder(endpoint).bearerTokens(() -> tokens.issue(self, streamId))
                .trickle(false).timeout(pullTimeout).build();
        LOG.log(System.Logger.Level.INFO, "pulling stream " + streamId + " from node " + source.id());
        return client.play(pc).thenApply(session -> linked(streamId, lease, source.id(), connection, session))
                .whenComplete((link, failure) -> {
                    if (failure != null) {
                        service.close(connection.id()).exceptionally(error -> null);
                    }
                });
    }

    /** The upstream node: the origin while it has room, else the least loaded edge with room that carries it. */
    private ClusterNode source(String streamId, StreamLease lease) {
        Map<String, ClusterNode> nodes = directory.nodes().stream()
                .collect(Collectors.toMap(ClusterNode::id, Function.identity()));
        ClusterNode origin = nodes.get(lease.nodeId());
        if (origin == null || origin.internalUrl() == null) {
            throw new EdgeLinkException("the origin " + lease.nodeId() + " of " + streamId
                    + " is not in the directory or has no internal URL", null);
        }
        if (origin.hasRoom()) {
            return origin;
        }
        return directory.viewers(streamId).keySet().stream().map(nodes::get)
                .filter(node -> node != null && !node.id().equals(properties.getNodeId())
                        && node.internalUrl() != null && node.hasRoom())
                .min(Comparator.comparingInt(ClusterNode::viewers)).orElse(origin);
    }

    private EdgeLink linked(String streamId, StreamLease lease, String sourceId, ManagedPeerConnection connection,
            SignalingSession session) {
        RTCPeerConnection pc = connection.peerConnection();
        List<MediaStreamTrack> tracks = new ArrayList<>();
        UpstreamVideoTrack video = null;
        RTCRtpCodecParameters videoCodec = null;
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            RTCRtpTransceiverDirection direction = transceiver.getCurrentDirection();
            if (transceiver.getMid() == null || direction == null || !direction.receives()) {
                continue;
            }
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            if (track.getKind() == MediaKind.AUDIO) {
                // Opus goes on to the viewers as it came, as from a local publisher.
                transceiver.getReceiver().setAudioDecoding(false);
                tracks.add(track);
            } else {
                video = new UpstreamVideoTrack(track, KEYFRAME_INTERVAL.toNanos(), System::nanoTime);
                tracks.add(video);
                videoCodec = mediaCodec(transceiver);
            }
        }
        if (tracks.isEmpty()) {
            throw new EdgeLinkException("node " + sourceId + " sent no track of " + streamId, null);
        }
        PublishedStream stream = new PublishedStream(streamId, connection.id(), tracks, videoCodec, new MediaRelay());
        EdgeLink link = new EdgeLink(lease, sourceId, session, stream, video);
        if (!streams.publishEdge(stream)) {
            throw new EdgeLinkException(streamId + " is already carried here", null);
        }
        pc.onConnectionStateChange(state -> {
            if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                close(link, "its connection " + state.toString().toLowerCase(Locale.ROOT));
            }
        });
        scheduleIdleCheck(streamId);
        return link;
    }

    private static RTCRtpCodecParameters mediaCodec(RTCRtpTransceiver transceiver) {
        return transceiver.getReceiver().getParameters().codecs().stream()
                .filter(codec -> !NOT_MEDIA_CODECS.contains(codec.mimeType().toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
    }

    /**
     * A heartbeat's check of every link against the directory: a link whose origin lease ended or changed hands,
     * or whose upstream node left, is closed, and so is one idle past the grace (its last reader may have been
     * another edge's link, whose end no local session reports).
     */
    @Override
    public void beat() {
        for (EdgeLink link : live()) {
            StreamLease now = directory.lease(link.streamId());
            if (now == null || !now.equals(link.lease())) {
                close(link, "the origin's lease " + (now == null ? "ended" : "moved to " + now.nodeId()));
            } else if (!link.sourceId().equals(now.nodeId()) && directory.node(link.sourceId()) == null) {
                close(link, "its upstream node " + link.sourceId() + " left the directory");
            } else {
                closeIfIdle(link.streamId());
            }
        }
    }

    private List<EdgeLink> live() {
        return links.values().stream().filter(link -> link.isDone() && !link.isCompletedExceptionally())
                .map(CompletableFuture::join).toList();
    }

    private void touch(String streamId) {
        lastUsed.put(streamId, System.nanoTime());
        scheduleIdleCheck(streamId);
    }

    private void scheduleIdleCheck(String streamId) {
        long grace = properties.getEdgeIdleGrace().toMillis();
        idleChecks.schedule(() -> closeIfIdle(streamId), grace, TimeUnit.MILLISECONDS);
    }

    private void closeIfIdle(String streamId) {
        CompletableFuture<EdgeLink> pending = links.get(streamId);
        if (pending == null || !pending.isDone() || pending.isCompletedExceptionally()) {
            return;
        }
        long idleNanos = System.nanoTime() - lastUsed.getOrDefault(streamId, 0L);
        EdgeLink link = pending.join();
        // Nobody reads the stream: no local viewer, and no edge pulling from this one (a tree), whose sessions
        // here are not clients' but subscribe to the relay all the same.
        if (sessions.count(WhipSessions.Kind.WHEP, streamId) == 0 && link.stream().relay().activeSources() == 0
                && idleNanos >= properties.getEdgeIdleGrace().toNanos()) {
            close(link, "its last viewer left " + properties.getEdgeIdleGrace() + " ago");
        }
    }

    /** Ends the link: the stream leaves this node, its viewers are ended, the upstream session deleted. */
    private void close(EdgeLink link, String why) {
        CompletableFuture<EdgeLink> current = links.get(link.streamId());
        if (current == null || !current.isDone() || current.getNow(null) != link
                || !links.remove(link.streamId(), current)) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "closing the link of stream " + link.streamId() + " from node "
                + link.sourceId() + ": " + why);
        lastUsed.remove(link.streamId());
        streams.unpublish(link.stream());
        link.stream().tracks().forEach(MediaStreamTrack::stop);
        for (String viewer : sessions.viewers(link.streamId())) {
            service.close(viewer).exceptionally(error -> null);
        }
        try {
            directory.removeViewers(link.streamId(), properties.getNodeId());
        } catch (DataAccessException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "viewer count of " + link.streamId() + " expires with the TTL");
        }
        link.session().closeAsync().handle((ok, failure) -> null)
                .thenCompose(ignored -> service.close(link.connectionId())).exceptionally(error -> null);
    }

    /** Ends every link (shutdown). */
    @Override
    public void destroy() {
        live().forEach(link -> close(link, "the node stops"));
        idleChecks.shutdownNow();
    }
}
