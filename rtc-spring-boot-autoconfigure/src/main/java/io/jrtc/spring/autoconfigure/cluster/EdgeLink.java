package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.spring.autoconfigure.service.ForwardedCodecs;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.whip.SignalingSession;
import io.jrtc.media.MediaRelay;
import java.util.ArrayList;
import java.util.List;

/**
 * One edge node's pull of one stream from its origin: a WHEP session on the origin's internal endpoint whose
 * received tracks this node publishes locally, so its viewers subscribe to them as to a local publisher's. The
 * origin sends one copy however many viewers the edge has; their keyframe requests reach the origin through the
 * link's receivers, which hold a request made inside their rate-limit interval and send it when it is up.
 */
final class EdgeLink {
    private final String originNode;
    private final SignalingSession session;
    private final PublishedStream stream;
    /** When the link last had a viewer (or was made), in the clock's millis: it closes a grace period after. */
    private volatile long lastViewedMillis;
    /** Since when the origin has been missing from the directory, or -1 while it is there. */
    private volatile long originMissingSinceMillis = -1;

    EdgeLink(String streamId, String originNode, SignalingSession session, long nowMillis) {
        this.originNode = originNode;
        this.session = session;
        RTCPeerConnection pc = session.peerConnection();
        // Viewers get the origin's Opus packets as they came: no decoding on the edge.
        pc.getReceivers().stream().filter(receiver -> receiver.getTrack().getKind() == MediaKind.AUDIO)
                .forEach(receiver -> receiver.setAudioDecoding(false));
        this.stream = new PublishedStream(streamId, "edge-link:" + streamId, receivedTracks(pc), videoCodec(pc),
                new MediaRelay());
        this.lastViewedMillis = nowMillis;
    }

    PublishedStream stream() {
        return stream;
    }

    String originNode() {
        return originNode;
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

    /** How long the origin has been missing from the directory as of {@code nowMillis}; 0 while it is there. */
    long originMissingFor(boolean missing, long nowMillis) {
        if (!missing) {
            originMissingSinceMillis = -1;
            return 0;
        }
        if (originMissingSinceMillis < 0) {
            originMissingSinceMillis = nowMillis;
        }
        return nowMillis - originMissingSinceMillis;
    }

    private static List<MediaStreamTrack> receivedTracks(RTCPeerConnection pc) {
        List<MediaStreamTrack> tracks = new ArrayList<>();
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            RTCRtpTransceiverDirection direction = transceiver.getCurrentDirection();
            if (transceiver.getMid() != null && !transceiver.isStopped() && direction != null
                    && direction.receives()) {
                tracks.add(transceiver.getReceiver().getTrack());
            }
        }
        return tracks;
    }

    private static RTCRtpCodecParameters videoCodec(RTCPeerConnection pc) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            RTCRtpTransceiverDirection direction = transceiver.getCurrentDirection();
            if ("video".equals(transceiver.getKind()) && direction != null && direction.receives()) {
                RTCRtpCodecParameters codec = ForwardedCodecs.mediaCodec(
                        transceiver.getReceiver().getParameters().codecs());
                if (codec != null) {
                    return codec;
                }
            }
        }
        return null;
    }
}
