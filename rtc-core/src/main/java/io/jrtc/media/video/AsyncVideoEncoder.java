package io.jrtc.media.video;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.VideoFrame;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * A {@link VideoEncoder} driven off the caller's thread: {@link #submit} hands a picture over and returns at once
 * (a connection's event loop never waits on a codec), one encode at a time runs on {@code executor}, and while one
 * runs only the newest picture waits: a picture overtaken by a newer one is dropped and counted, so an encoder
 * slower than the frame rate lowers the frame rate rather than growing a queue or the latency. Dropping a picture
 * before it is encoded breaks no reference, so no keyframe is needed for it. Keyframe requests and the target
 * bitrate are taken before the next encode, without waiting for the running one. The encoder is made on the first
 * picture, on the executor. A picture the codec fails on is dropped and the next one is a keyframe; a missing
 * codec library is said once and drops every picture. Coded frames go to {@code output} in submission order, on
 * the executor's thread; a skipped picture gives none. {@link #close()} frees the encoder once the running encode
 * is over.
 */
public final class AsyncVideoEncoder implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AsyncVideoEncoder.class.getName());
    private static final AtomicBoolean TOLD_UNAVAILABLE = new AtomicBoolean();

    private final String mimeType;
    private final Supplier<VideoEncoder> factory;
    private final Executor executor;
    private final Consumer<EncodedFrame> output;
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private volatile ToIntFunction<VideoFrame> targetBitrate = picture -> VideoCodecs.DEFAULT_BITRATE;
    // Under this lock, never held while encoding.
    private VideoFrame waiting;
    private boolean encoding;
    private boolean closed;
    private long submitted;
    private long dropped;
    private long encoded;
    // Only on the encoding thread (one at a time).
    private VideoEncoder encoder;
    private boolean failedBefore;

    /** Encodes to {@code mimeType} with {@link VideoCodecs#encoder(String, int, int)}, one thread per encode. */
    public AsyncVideoEncoder(String mimeType, Executor executor, Consumer<EncodedFrame> output) {
        this(mimeType, () -> VideoCodecs.encoder(mimeType, VideoCodecs.DEFAULT_BITRATE, 1), executor, output);
    }

    public AsyncVideoEncoder(String mimeType, Supplier<VideoEncoder> factory, Executor executor,
            Consumer<EncodedFrame> output) {
        this.mimeType = mimeType;
        this.factory = factory;
        this.executor = executor;
        this.output = output;
    }

    /**
     * Encodes {@code picture} when the encoder is free, unless a newer picture comes first; never blocks.
     *
     * @return whether an older picture that was waiting was dropped for this one
     */
    public boolean submit(VideoFrame picture) {
        boolean overtook = false;
        synchronized (this) {
            if (closed) {
                return false;
            }
            submitted++;
            if (encoding) {
                overtook = waiting != null;
                if (overtook) {
                    dropped++;
                }
                waiting = picture;
                return overtook;
            }
            encoding = true;
        }
        executor.execute(() -> encodeFrom(picture));
        return overtook;
    }

    /** The next picture encoded is a keyframe. */
    public void requestKeyframe() {
        keyframeWanted.set(true);
    }

    /** The bitrate to aim at from the next picture on, bit/s (at least {@link VideoCodecs#MIN_BITRATE}). */
    public void setTargetBitrate(int bitsPerSecond) {
        int bounded = Math.max(VideoCodecs.MIN_BITRATE, bitsPerSecond);
        targetBitrate = picture -> bounded;
    }

    /**
     * Where the bitrate comes from instead: asked before each encode with the picture about to be encoded (a
     * {@link SharedBitrateTarget} reads its media time).
     */
    void followTargetBitrate(ToIntFunction<VideoFrame> source) {
        targetBitrate = source;
    }

    /** Pictures handed to {@link #submit} (after close: ignored, not counted). */
    public synchronized long picturesSubmitted() {
        return submitted;
    }

    /** Pictures dropped because a newer one arrived while the encoder was busy. */
    public synchronized long picturesDropped() {
        return dropped;
    }

    /** Pictures the encoder was given (skipped and failed ones included). */
    public synchronized long picturesEncoded() {
        return encoded;
    }

    /** Whether a picture is being encoded or waits. */
    public synchronized boolean busy() {
        return encoding;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Encodes {@code first} and then whatever waits, until nothing does. On the executor. */
    private void encodeFrom(VideoFrame first) {
        VideoFrame picture = first;
        while (picture != null) {
            EncodedFrame coded = encodeOne(picture);
            synchronized (this) {
                encoded++;
            }
            if (coded != null) {
                output.accept(coded);
            }
            synchronized (this) {
                picture = waiting;
                waiting = null;
                if (picture == null) {
                    encoding = false;
                    if (closed) {
                        release();
                    }
                }
            }
        }
    }

    private EncodedFrame encodeOne(VideoFrame picture) {
        try {
            if (encoder == null) {
                encoder = factory.get();
            }
            int bitrate = Math.max(VideoCodecs.MIN_BITRATE, targetBitrate.applyAsInt(picture));
            if (encoder.targetBitrate() != bitrate) {
                encoder.setTargetBitrate(bitrate);
            }
            if (keyframeWanted.getAndSet(false)) {
                encoder.requestKeyframe();
            }
            return encoder.encode(picture);
        } catch (VideoCodecUnavailableException missing) {
            if (TOLD_UNAVAILABLE.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, () -> "raw video pictures are dropped: " + missing.getMessage());
            }
            return null;
        } catch (VideoCodecException failed) {
            // The pictures after a failed one may refer to what the decoder never got: restart from a keyframe.
            keyframeWanted.set(true);
            LOG.log(failedBefore ? Level.DEBUG : Level.WARNING, () -> "dropping a " + picture.width() + "x"
                    + picture.height() + " picture encoded to " + mimeType + ": " + failed.getMessage());
            failedBefore = true;
            return null;
        }
    }

    /** Frees the encoder now when idle, else once the running encode is over; later pictures are ignored. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            waiting = null;
            if (encoding) {
                return;
            }
        }
        release();
    }

    private synchronized void release() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
