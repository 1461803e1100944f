package io.jrtc.sample.echo;

import java.util.concurrent.CompletableFuture;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.VideoFrame;
import io.jrtc.media.video.DecodingVideoTrack;
import io.jrtc.media.video.VideoCodecThreads;

/**
 * A received video track's pictures through a {@link VideoTransform}: decodes the remote track's coded frames
 * ({@link DecodingVideoTrack}), transforms each picture on the video threads, and hands the result out raw, for
 * the echo's sender to encode with the codec it negotiated. Ends when the remote track ends.
 */
final class TransformedVideoTrack extends MediaStreamTrack {
    private final DecodingVideoTrack decoded;
    private final VideoTransform transform;

    TransformedVideoTrack(MediaStreamTrack remote, VideoTransform transform) {
        super(MediaKind.VIDEO);
        this.decoded = new DecodingVideoTrack(remote);
        this.transform = transform;
        decoded.onEnded(this::stop);
    }

    @Override
    public CompletableFuture<Frame> recv() {
        return decoded.recv().thenApplyAsync(frame -> transform.apply((VideoFrame) frame),
                VideoCodecThreads.shared());
    }

    @Override
    protected void onStop() {
        decoded.stop();
    }
}
