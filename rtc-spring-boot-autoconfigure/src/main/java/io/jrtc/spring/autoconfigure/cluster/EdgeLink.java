package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaRelay;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.ReceivedMedia;
import io.jrtc.whip.SignalingSession;
import java.util.List;

/**
 * One edge node's pull of one stream from its origin: a WHEP session on the origin's internal endpoint whose
 * received tracks this node publishes locally, so its viewers subscribe to them as to a local publisher's. The
 * origin sends one copy however many viewers the edge has; their keyframe requests reach the origin through the
 * link's receivers, which hold a request made inside their rate-limit interval and send it when it is up. The
 * link may come from the origin or from an edge that carries the stream (a tree); its path says which.
 */
final class EdgeLink {
    private final String originNode;
    /** The nodes the stream passes through from its origin to this one, both included. */
    private final List<String> path;
    /** The epoch of the lease the link was made under: a republish has another. */
    private final long epoch;
    private final SignalingSession session;
    private final PublishedStream stream;
    /** When the link last had a viewer (or was made), in the clock's millis: it closes a grace period after. */
    private volatile long lastViewedMillis;
    /** Since when the origin or the source has been missing from the directory, or -1 while both are there. */
    private volatile long upstreamMissingSinceMillis = -1;

    EdgeLink(String streamId, List<String> path, long epoch, SignalingSession session, long nowMillis) {
        this.originNode = path.get(0);
        this.path = List.copyOf(path);
        this.epoch = epoch;
        this.session = session;
        RTCPeerConnection pc = session.peerConnection();
        // Viewers get the origin's Opus packets as they came: no decoding on the edge.
        pc.getReceivers().stream().filter(receiver -> receiver.getTrack().getKind() == MediaKind.AUDIO)
                .forEach(receiver -> receiver.setAudioDecoding(false));
        this.stream = new PublishedStream(streamId, "edge-link:" + streamId, ReceivedMedia.tracks(pc),
                ReceivedMedia.videoCodec(pc), new MediaRelay());
        this.lastViewedMillis = nowMillis;
    }

    PublishedStream stream() {
        return stream;
    }

    String originNode() {
        return originNode;
    }

    List<String> path() {
        return path;
    }

    long epoch() {
        return epoch;
    }

    /** The node this link pulls from: the origin, or an edge nearer to it. */
    String sourceNode() {
        return path.get(path.size() - 2);
    }

    SignalingSession session() {
        return session;
    }

    /** Whether the link has had no viewer for {@code graceMillis}; notes the time when it has one now. */
    boolean idleFor(long graceMillis, long nowMillis) {
        if (stream.viewers() > 0) {
            lastViewedMillis = nowMillis;
            return false;
        }
        return nowMillis - lastViewedMillis >= graceMillis;
    }

    /**
     * How long the origin or the link's source has been missing from the directory as of {@code nowMillis}; 0 while
     * both are there.
     */
    long upstreamMissingFor(boolean missing, long nowMillis) {
        if (!missing) {
            upstreamMissingSinceMillis = -1;
            return 0;
        }
        if (upstreamMissingSinceMillis < 0) {
            upstreamMissingSinceMillis = nowMillis;
        }
        return nowMillis - upstreamMissingSinceMillis;
    }
}
