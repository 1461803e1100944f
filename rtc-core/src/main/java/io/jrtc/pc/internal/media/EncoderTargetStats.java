package io.jrtc.pc.internal.media;

import io.jrtc.media.MediaKind;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.sdp.media.RtpCodec;
import java.util.Map;

/**
 * W3C targetBitrate and qualityLimitationReason of a sender that encodes: Opus's rate for audio (G.711 has none to
 * target); for video what the encoder is told, and "bandwidth" while the send-side estimate holds it below the
 * application's cap, or without a cap below the encoder's default rate; else "none" (no CPU limit is measured).
 */
final class EncoderTargetStats {
    private EncoderTargetStats() {
    }

    /**
     * @param cap            the application's video cap, bit/s; 0 for none
     * @param encoderBitrate what the estimate last gave the encoder, bit/s; 0 before it gave anything
     */
    static void add(Map<String, Object> s, MediaKind kind, RtpCodec codec, int opusBitrate, long cap,
            long encoderBitrate) {
        if (kind == MediaKind.AUDIO) {
            s.put("targetBitrate", codec.hasMimeType("audio/opus") ? (double) opusBitrate : null);
            return;
        }
        long wanted = cap > 0 ? cap : VideoCodecs.DEFAULT_BITRATE;
        s.put("targetBitrate", (double) (encoderBitrate > 0 ? encoderBitrate : wanted));
        s.put("qualityLimitationReason", encoderBitrate > 0 && encoderBitrate < wanted ? "bandwidth" : "none");
    }
}
