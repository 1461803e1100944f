package io.jrtc.media.video;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.VideoFrame;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A coded video track re-coded to another codec, for consumers that cannot decode the source's: the source's
 * pictures ({@link DecodingVideoTrack}, decoding only what is read) feed one encoder of {@code mimeType}, and the
 * track hands out its {@link EncodedFrame}s. Meant to be read by one reader (a {@code MediaRelay} that fans it
 * out), so one encode serves every consumer. A keyframe is asked of the source on creation (decoding starts
 * there); {@link #requestKeyframe()} forces one in the encoder, not at the source, since the encoder's keyframe
 * is what a consumer lacks. A picture the encoder fails on is dropped (the next one is a keyframe), not the track.
 * Encoding runs on {@code executor}. {@link #stop()} frees the encoder and stops the decoding, and the source's end
 * ends this track; the source itself is left running.
 */
public final class TranscodingVideoTrack extends MediaStreamTrack {
    private static final System.Logger LOG = System.getLogger(TranscodingVideoTrack.class.getName());

    private final DecodingVideoTrack decoded;
    private final String mimeType;
    private final Executor executor;
    private VideoEncoder encoder;
    private volatile boolean keyframeWanted;
    private volatile int targetBitrate = VideoCodecs.DEFAULT_BITRATE;
    private long framesEncoded;
    private boolean failedBefore;

    /** Decodes and encodes on {@link VideoCodecThreads#shared()}. */
    public TranscodingVideoTrack(MediaStreamTrack source, String mimeType) {
        this(source, mimeType, VideoCodecThreads.shared());
    }

    /**
     * Without the native library the first {@link #recv()} fails with a {@link VideoCodecUnavailableException}.
     *
     * @throws IllegalArgumentException for a MIME type not in {@link VideoCodecs#mimeTypes()}
     */
    public TranscodingVideoTrack(MediaStreamTrack source, String mimeType, Executor executor) {
        super(MediaKind.VIDEO);
        if (!VideoCodecs.supports(mimeType)) {
            throw new IllegalArgumentException("no video codec for " + mimeType + "; there are "
                    + VideoCodecs.mimeTypes());
        }
        this.decoded = new DecodingVideoTrack(source, executor);
        this.mimeType = mimeType;
        this.executor = executor;
        decoded.onEnded(this::stop);
        source.requestKeyframe();
    }

    /** The codec frames are re-coded to, such as "video/H264". */
    public String mimeType() {
        return mimeType;
    }

    /** The next re-coded frame; pictures the encoder skips (to hold its bitrate) give none. */
    @Override
    public CompletableFuture<Frame> recv() {
        return decoded.recv().thenApplyAsync(picture -> encode((VideoFrame) picture), executor)
                .thenCompose(coded -> coded != null ? CompletableFuture.completedFuture((Frame) coded) : recv());
    }

    /** The next picture is encoded as a keyframe. */
    @Override
    public void requestKeyframe() {
        keyframeWanted = true;
    }

    /** The bitrate the encoder aims for from the next picture on ({@link VideoEncoder#setTargetBitrate}). */
    public void setTargetBitrate(int bitsPerSecond) {
        targetBitrate = Math.max(VideoCodecs.MIN_BITRATE, bitsPerSecond);
    }

    /** Pictures encoded so far, keyframes and skipped ones included. */
    public synchronized long framesEncoded() {
        return framesEncoded;
    }

    private synchronized EncodedFrame encode(VideoFrame picture) {
        if (getReadyState() != MediaStreamTrackState.LIVE) {
            throw new CompletionException(endedError());
        }
        if (encoder == null) {
            encoder = VideoCodecs.encoder(mimeType, targetBitrate, 1);
        }
        if (encoder.targetBitrate() != targetBitrate) {
            encoder.setTargetBitrate(targetBitrate);
        }
        if (keyframeWanted) {
            keyframeWanted = false;
            encoder.requestKeyframe();
        }
        framesEncoded++;
        return encodeOrDrop(picture);
    }

    private EncodedFrame encodeOrDrop(VideoFrame picture) {
        try {
            return encoder.encode(picture);
        } catch (VideoCodecUnavailableException missing) {
            throw missing;
        } catch (VideoCodecException failed) {
            // One picture the codec refused must not end every consumer's video: drop it, and restart the
            // consumers' decoding from a keyframe, since they miss a frame the next ones may refer to.
            LOG.log(failedBefore ? Level.DEBUG : Level.WARNING, () -> "dropping a " + picture.width() + "x"
                    + picture.height() + " picture re-coded to " + mimeType + ": " + failed.getMessage());
            failedBefore = true;
            keyframeWanted = true;
            return null;
        }
    }

    @Override
    protected synchronized void onStop() {
        decoded.stop();
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
