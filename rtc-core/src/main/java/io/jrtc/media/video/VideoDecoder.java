package io.jrtc.media.video;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;

/**
 * Decodes coded frames of one codec, in the form {@link VideoEncoder} writes them and RTP depacketizers
 * reassemble them, into raw I420 pictures. Low delay: a picture comes out for the frame that completes it.
 * Stateful and not thread-safe: one instance per stream, driven by one thread at a time. Holds native memory
 * until {@link #close()}.
 */
public interface VideoDecoder extends AutoCloseable {
    /** The codec's MIME type, such as "video/VP8". */
    String mimeType();

    /**
     * The picture {@code frame} completes, its pts the frame's timestamp on the frame's clock, or null when it
     * completes none (a frame that only carries headers).
     *
     * @throws VideoCodecException when the data does not decode (corrupt, or a frame whose references were lost:
     *         ask the sender for a keyframe), or after {@link #close()}
     */
    VideoFrame decode(EncodedFrame frame);

    /** Frees the native decoder; idempotent. */
    @Override
    void close();
}
