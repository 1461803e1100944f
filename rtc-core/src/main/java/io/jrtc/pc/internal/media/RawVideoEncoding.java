package io.jrtc.pc.internal.media;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.VideoCodecException;
import io.jrtc.media.video.VideoCodecs;
import io.jrtc.media.video.VideoEncoder;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The encoder behind a sender's codec for raw pictures ({@link VideoFrame}s from a generated or transformed
 * track), made on the first picture and closed with the packetizer. Follows the target bitrate it is given (the
 * send-side bandwidth estimate) and keyframe requests. Encoding failures drop the frame, never the connection.
 */
final class RawVideoEncoding implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RawVideoEncoding.class.getName());
    private static final AtomicBoolean TOLD_UNAVAILABLE = new AtomicBoolean();

    private final String mimeType;
    private VideoEncoder encoder;
    private int targetBitrate = VideoCodecs.DEFAULT_BITRATE;
    private boolean keyframeWanted;
    private boolean failedBefore;

    RawVideoEncoding(String mimeType) {
        this.mimeType = mimeType;
    }

    /**
     * Whether raw pictures can be encoded to {@code mimeType} here: a known codec and the native library. Says
     * once per process, as a warning, that raw pictures are dropped for want of the library.
     */
    static boolean canEncode(String mimeType) {
        if (!VideoCodecs.supports(mimeType)) {
            return false;
        }
        if (VideoCodecs.available()) {
            return true;
        }
        if (TOLD_UNAVAILABLE.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, () -> "raw video pictures are dropped: encoding them needs "
                    + VideoCodecs.DEPENDENCY + " on the class path");
        }
        return false;
    }

    /** The coded frame, or null when the encoder skipped the picture or failed on it. */
    EncodedFrame encode(VideoFrame frame) {
        try {
            if (encoder == null) {
                encoder = VideoCodecs.encoder(mimeType, targetBitrate, 1);
            }
            if (keyframeWanted) {
                encoder.requestKeyframe();
                keyframeWanted = false;
            }
            return encoder.encode(frame);
        } catch (VideoCodecException failed) {
            Level level = failedBefore ? Level.DEBUG : Level.WARNING;
            failedBefore = true;
            LOG.log(level, () -> "dropping a " + frame.width() + "x" + frame.height() + " picture: "
                    + failed.getMessage());
            return null;
        }
    }

    void requestKeyframe() {
        if (encoder != null) {
            encoder.requestKeyframe();
        } else {
            keyframeWanted = true;
        }
    }

    void setTargetBitrate(int bitsPerSecond) {
        targetBitrate = Math.max(VideoCodecs.MIN_BITRATE, bitsPerSecond);
        if (encoder != null) {
            encoder.setTargetBitrate(targetBitrate);
        }
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
