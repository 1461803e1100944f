package io.jrtc.media.video;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;

/**
 * Encodes raw pictures of one codec into coded frames as RTP carries them: VP8 and VP9 frames as libvpx writes
 * them, H.264 as Annex B access units (what {@code io.jrtc.codec.H264Packetizer#packetizeAnnexB} splits), AV1 as
 * low-overhead OBUs (AV1 §5). Tuned for real-time: no lookahead, no B-frames, one frame out per frame in, a
 * keyframe only at the start, after a size change and on request. Stateful and not thread-safe: one instance per
 * stream, driven by one thread at a time. Holds native memory until {@link #close()}.
 */
public interface VideoEncoder extends AutoCloseable {
    /** The codec's MIME type, such as "video/VP8" (RFC 8866 §6.6 encoding names under their media type). */
    String mimeType();

    /**
     * The coded frame for {@code frame}, its timestamp the frame's pts on the 90 kHz RTP clock, or null when the
     * encoder made none (it skipped the frame to hold the bitrate). A picture of another size restarts the
     * encoder on that size with a keyframe.
     *
     * @throws VideoCodecException when the codec fails, or after {@link #close()}
     */
    EncodedFrame encode(VideoFrame frame);

    /** The next frame encoded is a keyframe (a PLI or FIR arrived, a viewer joined). */
    void requestKeyframe();

    /**
     * The bitrate to aim for from the next frame on, in bits per second (fed by the send-side bandwidth
     * estimate). The encoder restarts at the new rate with a keyframe, as aiortc's H.264 encoder does, when the
     * rate moved by more than a quarter and at least a second of frames (30) went by since it last started.
     */
    void setTargetBitrate(int bitsPerSecond);

    /** The bitrate currently aimed for, in bits per second. */
    int targetBitrate();

    /** Frees the native encoder; idempotent. */
    @Override
    void close();
}
