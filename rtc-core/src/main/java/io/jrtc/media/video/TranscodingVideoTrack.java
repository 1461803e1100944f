package io.jrtc.media.video;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodingTrack;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.TrackReading;
import io.jrtc.media.VideoFrame;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A coded video track re-coded to another codec, for consumers that cannot decode the source's: the source's
 * pictures ({@link DecodingVideoTrack}) feed one encoder of {@code mimeType}, and the track hands out its
 * {@link io.jrtc.media.EncodedFrame}s. Meant to be read by one reader (a {@code MediaRelay} that fans it out), so
 * one encode serves every consumer. From the first {@link #recv()} on, every coded frame of the source is decoded
 * (the next ones refer to it) and handed to an {@link AsyncVideoEncoder}: decoding and encoding run on
 * {@code executor}, never on a connection's loop, one at a time each, and pictures the encoder is too slow for are
 * dropped before encoding (the frame rate falls, the latency does not grow). The encoder's bitrate follows its
 * readers' targets ({@link EncodingTrack}; a relay passes each viewer's on) through a {@link SharedBitrateTarget}:
 * the lowest, bounded, with hysteresis. A keyframe is asked of the source on creation (decoding starts there);
 * {@link #requestKeyframe()} forces one in the encoder, not at the source, since the encoder's keyframe is what a
 * consumer lacks. {@link #stop()} frees the encoder and stops the decoding, and the source's end ends this track;
 * the source itself is left running.
 */
public final class TranscodingVideoTrack extends MediaStreamTrack implements EncodingTrack {
    /** Coded frames held for a reader that has not asked yet: a second at 30 fps. */
    private static final int OUTPUT_CAPACITY = 30;

    private final DecodingVideoTrack decoded;
    private final String mimeType;
    private final SharedBitrateTarget bitrate;
    private final AsyncVideoEncoder encoder;
    private final BufferedTrack output = new BufferedTrack(MediaKind.VIDEO, OUTPUT_CAPACITY);
    private volatile int lastBitrate = VideoCodecs.DEFAULT_BITRATE;
    private boolean reading;
    private long outputDropped;
    /** What ended the decoding (a missing codec library, say): what a read fails with from then on. */
    private volatile Throwable failure;

    /** Decodes and encodes on {@link VideoCodecThreads#shared()}. */
    public TranscodingVideoTrack(MediaStreamTrack source, String mimeType) {
        this(source, mimeType, VideoCodecThreads.shared());
    }

    /** At the default bounds of {@link SharedBitrateTarget}. */
    public TranscodingVideoTrack(MediaStreamTrack source, String mimeType, Executor executor) {
        this(source, mimeType, executor, new SharedBitrateTarget());
    }

    /**
     * Without the native library reads fail with a {@link VideoCodecUnavailableException}.
     *
     * @throws IllegalArgumentException for a MIME type not in {@link VideoCodecs#mimeTypes()}
     */
    public TranscodingVideoTrack(MediaStreamTrack source, String mimeType, Executor executor,
            SharedBitrateTarget bitrate) {
        super(MediaKind.VIDEO);
        if (!VideoCodecs.supports(mimeType)) {
            throw new IllegalArgumentException("no video codec for " + mimeType + "; there are "
                    + VideoCodecs.mimeTypes());
        }
        this.decoded = new DecodingVideoTrack(source, executor);
        this.mimeType = mimeType;
        this.bitrate = bitrate;
        this.encoder = new AsyncVideoEncoder(mimeType, executor, output::push);
        encoder.followTargetBitrate(this::bitrateFor);
        decoded.onEnded(this::stop);
        source.requestKeyframe();
    }

    /** The codec frames are re-coded to, such as "video/H264". */
    public String mimeType() {
        return mimeType;
    }

    /** The next re-coded frame; pictures the encoder skips (to hold its bitrate) or dropped give none. */
    @Override
    public CompletableFuture<Frame> recv() {
        startReading();
        CompletableFuture<Frame> next = output.recv();
        keyframeAfterOutputDrops();
        return next.exceptionallyCompose(ended -> CompletableFuture.failedFuture(failure != null ? failure : ended));
    }

    /** The next picture is encoded as a keyframe. */
    @Override
    public void requestKeyframe() {
        encoder.requestKeyframe();
    }

    @Override
    public void setTargetBitrate(Object reader, long bitsPerSecond) {
        bitrate.report(reader, bitsPerSecond);
    }

    @Override
    public void forgetReader(Object reader) {
        bitrate.forget(reader);
    }

    /**
     * Sets one target for every reader, as if it were the only one (hysteresis still applies).
     */
    public void setTargetBitrate(int bitsPerSecond) {
        setTargetBitrate(this, bitsPerSecond);
    }

    /** What the encoder aimed at for the last picture, bit/s. */
    public int targetBitrate() {
        return lastBitrate;
    }

    /** Pictures encoded so far, keyframes and skipped ones included. */
    public long framesEncoded() {
        return encoder.picturesEncoded();
    }

    /** Decoded pictures dropped before encoding, as a newer one came while the encoder was busy. */
    public long framesDropped() {
        return encoder.picturesDropped();
    }

    private int bitrateFor(VideoFrame picture) {
        int rate = bitrate.at(VideoCodecs.toRtpTime(picture) * 100_000 / 9);  // 90 kHz ticks to nanoseconds
        lastBitrate = rate;
        return rate;
    }

    private void startReading() {
        synchronized (this) {
            if (reading || getReadyState() != MediaStreamTrackState.LIVE) {
                return;
            }
            reading = true;
        }
        TrackReading.readWhile(decoded, (picture, failure) -> {
            if (failure != null) {
                this.failure = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause() : failure;
                stop();
                return false;
            }
            encoder.submit((VideoFrame) picture);
            return getReadyState() == MediaStreamTrackState.LIVE;
        });
    }

    /** A reader that let the output overflow misses frames the next ones refer to: it gets a keyframe. */
    private synchronized void keyframeAfterOutputDrops() {
        long dropped = output.droppedFrames();
        if (dropped != outputDropped) {
            outputDropped = dropped;
            encoder.requestKeyframe();
        }
    }

    @Override
    protected void onStop() {
        decoded.stop();
        encoder.close();
        output.stop();
    }
}
