package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.whip.SignalingSession;

/**
 * One edge's pull of a stream: the WHEP session this node holds on its upstream node (the origin, or an edge
 * that carries the stream), and the stream its local viewers play from it.
 *
 * @param lease    the origin's lease when the link was made; the link ends when the lease does
 * @param sourceId the node pulled from (the origin, or another edge in a tree)
 * @param video    the upstream video, whose keyframe requests are aggregated, or null without video
 */
record EdgeLink(StreamLease lease, String sourceId, SignalingSession session, PublishedStream stream,
        UpstreamVideoTrack video) {

    String streamId() {
        return stream.streamId();
    }

    /** The link's connection id in the peer connection service. */
    String connectionId() {
        return stream.sessionId();
    }
}
