package io.jrtc.spring.autoconfigure.whip;

import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.spring.autoconfigure.service.ForwardedCodecs;
import java.util.ArrayList;
import java.util.List;

/**
 * What a connection that receives a stream brings in, as a {@link PublishedStream} is made of: the received tracks
 * in m-line order and the negotiated video codec. A WHIP publisher's session and a cluster edge's link to its
 * origin are both read this way.
 */
public final class ReceivedMedia {
    private ReceivedMedia() {
    }

    /** The tracks of the transceivers on an m-line that receive (or whose direction is not settled yet). */
    public static List<MediaStreamTrack> tracks(RTCPeerConnection pc) {
        List<MediaStreamTrack> tracks = new ArrayList<>();
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            RTCRtpTransceiverDirection direction = transceiver.getCurrentDirection();
            if (transceiver.getMid() != null && !transceiver.isStopped()
                    && (direction == null || direction.receives())) {
                tracks.add(transceiver.getReceiver().getTrack());
            }
        }
        return tracks;
    }

    /** The video codec negotiated on the first video m-line that has one, or null without video. */
    public static RTCRtpCodecParameters videoCodec(RTCPeerConnection pc) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            if (transceiver.getMid() == null || !"video".equals(transceiver.getKind())) {
                continue;
            }
            RTCRtpCodecParameters codec = ForwardedCodecs.mediaCodec(
                    transceiver.getReceiver().getParameters().codecs());
            if (codec != null) {
                return codec;
            }
        }
        return null;
    }
}
