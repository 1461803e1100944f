package io.jrtc.media.video;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.MediaStreamTrackState;
import io.jrtc.media.VideoFrame;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * A received video track's pictures decoded, as aiortc's remote tracks hand them out: wraps a track of coded
 * {@link EncodedFrame}s (a remote track, or a {@code MediaRelay} subscription of one) and hands out
 * {@link VideoFrame}s. Only what is read is decoded: nothing happens until {@link #recv()}, and the wrapped track
 * keeps handing coded frames to whoever else reads it. Decoding runs on {@code executor}, never on the thread
 * that completed the coded frame (a connection's event loop). The decoder for the frames' codec is made on the
 * first frame and remade when the codec changes; until a keyframe arrives, and after a frame fails to decode,
 * frames are skipped and a keyframe is asked of the source. The same happens when the wrapped track is a
 * {@link BufferedTrack} (a remote track itself) that dropped frames for a reader that fell behind: the frames after
 * a dropped one would decode against missing references. {@link #stop()} frees the decoder; the wrapped track is
 * left running, and its end ends this track.
 */
public final class DecodingVideoTrack extends MediaStreamTrack {
    private final MediaStreamTrack source;
    private final Executor executor;
    private VideoDecoder decoder;
    private boolean awaitingKeyframe = true;
    private long framesDecoded;
    private long framesSkipped;
    private long droppedUpstream;

    /** Decodes on {@link VideoCodecThreads#shared()}. */
    public DecodingVideoTrack(MediaStreamTrack source) {
        this(source, VideoCodecThreads.shared());
    }

    public DecodingVideoTrack(MediaStreamTrack source, Executor executor) {
        super(MediaKind.VIDEO);
        if (source.getKind() != MediaKind.VIDEO) {
            throw new IllegalArgumentException("only video decodes to pictures, not " + source.getKind());
        }
        this.source = source;
        this.executor = executor;
        source.onEnded(this::stop);
    }

    /** The next picture: the next coded frame that yields one, decoded. */
    @Override
    public CompletableFuture<Frame> recv() {
        return source.recv().thenComposeAsync(frame -> {
            VideoFrame picture = picture(frame);
            return picture != null ? CompletableFuture.completedFuture((Frame) picture) : recv();
        }, executor);
    }

    @Override
    public void requestKeyframe() {
        source.requestKeyframe();
    }

    /** Pictures handed out so far. */
    public synchronized long framesDecoded() {
        return framesDecoded;
    }

    /** Coded frames that gave no picture: before the first keyframe, undecodable, or after such a one. */
    public synchronized long framesSkipped() {
        return framesSkipped;
    }

    private synchronized VideoFrame picture(Frame frame) {
        if (getReadyState() != MediaStreamTrackState.LIVE) {
            throw new CompletionException(endedError());
        }
        if (frame instanceof VideoFrame raw) {
            framesDecoded++;
            return raw;
        }
        if (!(frame instanceof EncodedFrame coded)) {
            throw new IllegalStateException("a video track handed out " + frame.getClass().getSimpleName());
        }
        if (source instanceof BufferedTrack buffered && buffered.droppedFrames() != droppedUpstream) {
            droppedUpstream = buffered.droppedFrames();
            awaitingKeyframe = true;
        }
        VideoFrame picture = decode(coded);
        if (picture == null) {
            framesSkipped++;
        } else {
            framesDecoded++;
        }
        return picture;
    }

    private VideoFrame decode(EncodedFrame coded) {
        if (awaitingKeyframe && !coded.keyframe()) {
            source.requestKeyframe();
            return null;
        }
        try {
            VideoFrame picture = decoderFor(coded.mimeType()).decode(coded);
            awaitingKeyframe = false;
            return picture;
        } catch (VideoCodecUnavailableException missing) {
            throw missing;
        } catch (VideoCodecException undecodable) {
            awaitingKeyframe = true;
            source.requestKeyframe();
            return null;
        }
    }

    private VideoDecoder decoderFor(String mimeType) {
        if (decoder != null && !decoder.mimeType().equalsIgnoreCase(mimeType)) {
            decoder.close();
            decoder = null;
        }
        if (decoder == null) {
            decoder = VideoCodecs.decoder(canonical(mimeType));
        }
        return decoder;
    }

    private static String canonical(String mimeType) {
        for (String known : VideoCodecs.mimeTypes()) {
            if (known.equalsIgnoreCase(mimeType)) {
                return known;
            }
        }
        return mimeType.toLowerCase(Locale.ROOT);
    }

    @Override
    protected synchronized void onStop() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
    }
}
