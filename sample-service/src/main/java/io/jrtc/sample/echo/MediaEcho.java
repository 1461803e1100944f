package io.jrtc.sample.echo;

import java.util.concurrent.CompletableFuture;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.sdp.MediaDescription;
import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SessionDescription;
import io.jrtc.sdp.media.Direction;

/**
 * The media half of the echo: every audio or video track the client sends comes back to it on the same m-line,
 * which the answer therefore makes sendrecv (RFC 3264 §6.1). Nothing is decoded: video goes back as the encoded
 * frames it came in (each frame's payload as the client's encoder wrote it, so it decodes at the size sent), and
 * audio as the client's Opus packets. A keyframe request from the client's receiver (PLI or FIR) reaches our
 * sender, which asks its track, the client's received track, which asks the client's sender in turn: the client's
 * encoder makes the keyframe its own decoder needs.
 *
 * <p>With a {@link VideoTransform}, video is decoded instead, each picture transformed, and the result encoded
 * again with the codec the answer negotiates ({@link TransformedVideoTrack}); our encoder then answers the client's
 * keyframe requests itself. Audio still goes back as it came.
 */
final class MediaEcho {
    private MediaEcho() {
    }

    /**
     * Answers {@code offer} as an echo (setRemoteDescription, the loop-back, createAnswer, setLocalDescription) and
     * returns our answer.
     */
    static CompletableFuture<RTCSessionDescription> answer(RTCPeerConnection pc, RTCSessionDescription offer) {
        return answer(pc, offer, null);
    }

    /** The same, the video going back through {@code transform} (null: as it came). */
    static CompletableFuture<RTCSessionDescription> answer(RTCPeerConnection pc, RTCSessionDescription offer,
            VideoTransform transform) {
        return pc.setRemoteDescription(offer)
                .thenRun(() -> loopBack(pc, offer, transform))
                .thenCompose(ignored -> pc.createAnswer())
                .thenCompose(answer -> pc.setLocalDescription(answer))
                .thenApply(ignored -> pc.getLocalDescription());
    }

    /**
     * Between the remote offer and our answer: each m-line the client sends on, and that sends nothing yet, sends
     * the track received on it back. The transceiver the offer made is recvonly; sendrecv answers a sendrecv offer
     * with sendrecv, and a sendonly one still with recvonly (the client wants nothing back there).
     */
    static void loopBack(RTCPeerConnection pc, RTCSessionDescription offer) {
        loopBack(pc, offer, null);
    }

    static void loopBack(RTCPeerConnection pc, RTCSessionDescription offer, VideoTransform transform) {
        SessionDescription remote = parse(offer.sdp());
        if (remote == null) {
            return;
        }
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            MediaDescription m = transceiver.getMid() == null ? null : remote.mediaByMid(transceiver.getMid());
            if (m == null || m.port() == 0 || transceiver.isStopped() || transceiver.getSender().getTrack() != null
                    || !clientSends(m)) {
                continue;
            }
            MediaStreamTrack received = transceiver.getReceiver().getTrack();
            if (received.getKind() == MediaKind.AUDIO) {
                // Opus goes back as it came: decoding and re-encoding would only add delay and cost.
                transceiver.getReceiver().setAudioDecoding(false);
            }
            boolean transformed = transform != null && received.getKind() == MediaKind.VIDEO;
            transceiver.getSender().replaceTrack(transformed ? new TransformedVideoTrack(received, transform)
                    : received);
            transceiver.setDirection(RTCRtpTransceiverDirection.SENDRECV);
        }
    }

    private static boolean clientSends(MediaDescription m) {
        return m.direction() == null || Direction.fromAttributeName(m.direction()).sends();
    }

    private static SessionDescription parse(String sdp) {
        try {
            return SessionDescription.parse(sdp);
        } catch (SdpParseException | IllegalArgumentException malformed) {
            return null;  // setRemoteDescription took it, so this cannot happen; then nothing is echoed
        }
    }
}
