package io.jrtc.pc.internal.media;

import io.jrtc.codec.MediaFrame;
import io.jrtc.media.AudioFrame;
import io.jrtc.media.Frame;
import java.util.Map;

/**
 * What one receiver's frames add up to, for its inbound-rtp stats (W3C webrtc-stats): frames and keyframes
 * assembled, frames in the last second, the last keyframe's picture size, and the jitter buffer's delay, which for
 * audio W3C counts per sample and for video per frame. Counts survive renegotiation, unlike the per-codec
 * depacketizers that feed them. On the receiver's loop.
 */
final class ReceivedFrames {
    private static final double NANOS_PER_SECOND = 1e9;

    private final FramesPerSecond rate = new FramesPerSecond();
    private long frames;
    private long keyFrames;
    private double jitterBufferDelay;
    private long jitterBufferEmitted;
    private int[] pictureSize;

    /** A frame left the jitter buffer for the track at {@code now}; its first packet came at {@code firstArrival}. */
    void onFrame(long now, long firstArrival, String mimeType, MediaFrame assembled, Frame delivered) {
        frames++;
        rate.onFrame(now);
        double waited = (now - firstArrival) / NANOS_PER_SECOND;
        if (delivered instanceof AudioFrame audio) {
            jitterBufferDelay += waited * audio.samplesPerChannel();
            jitterBufferEmitted += audio.samplesPerChannel();
            return;
        }
        if (!mimeType.startsWith("audio/")) {
            jitterBufferDelay += waited;
            jitterBufferEmitted++;
        }
        if (assembled.keyframe()) {
            keyFrames++;
            int[] size = PictureSizes.ofKeyframe(mimeType, assembled.data());
            pictureSize = size == null ? pictureSize : size;
        }
    }

    long frames() {
        return frames;
    }

    /** Adds the video members of inbound-rtp; the frame size only once a keyframe said it. */
    void addVideoStats(Map<String, Object> s, long now) {
        s.put("framesReceived", frames);
        s.put("keyFramesReceived", keyFrames);
        s.put("framesPerSecond", (double) rate.at(now));
        if (pictureSize != null) {
            s.put("frameWidth", (long) pictureSize[0]);
            s.put("frameHeight", (long) pictureSize[1]);
        }
    }

    /** Adds jitterBufferDelay (seconds) and jitterBufferEmittedCount (samples for audio, frames for video). */
    void addJitterBufferStats(Map<String, Object> s) {
        s.put("jitterBufferDelay", jitterBufferDelay);
        s.put("jitterBufferEmittedCount", jitterBufferEmitted);
    }
}
