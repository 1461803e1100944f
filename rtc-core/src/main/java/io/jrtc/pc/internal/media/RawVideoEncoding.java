package io.jrtc.pc.internal.media;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.AsyncVideoEncoder;
import io.jrtc.media.video.VideoCodecThreads;
import io.jrtc.media.video.VideoCodecs;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The encoder behind a sender's codec for raw pictures ({@link VideoFrame}s from a generated or transformed
 * track), made on the first picture and closed with the packetizer. Encodes off the connection's loop, on
 * {@link VideoCodecThreads#shared()} ({@link AsyncVideoEncoder}: one picture at a time, the newest waiting, older
 * ones dropped), and hands the coded frames to {@code output} on a codec thread. Follows the target bitrate it is
 * given (the send-side bandwidth estimate) and keyframe requests. Encoding failures drop the frame, never the
 * connection.
 */
final class RawVideoEncoding implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RawVideoEncoding.class.getName());
    private static final AtomicBoolean TOLD_UNAVAILABLE = new AtomicBoolean();

    private final AsyncVideoEncoder encoder;

    RawVideoEncoding(String mimeType, Consumer<EncodedFrame> output) {
        this.encoder = new AsyncVideoEncoder(mimeType, VideoCodecThreads.shared(), output);
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

    /**
     * Hands the picture to the encoder; the coded frame comes to the output later, unless a newer picture
     * overtakes it or the encoder skips it.
     *
     * @return whether an older picture that waited for the encoder was dropped for this one
     */
    boolean submit(VideoFrame frame) {
        return encoder.submit(frame);
    }

    void requestKeyframe() {
        encoder.requestKeyframe();
    }

    void setTargetBitrate(int bitsPerSecond) {
        encoder.setTargetBitrate(bitsPerSecond);
    }

    @Override
    public void close() {
        encoder.close();
    }
}
