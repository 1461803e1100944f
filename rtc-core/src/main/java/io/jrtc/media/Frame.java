package io.jrtc.media;

/** What a track hands out: raw audio, a raw picture, or a coded frame a relay forwards without decoding. */
public sealed interface Frame permits AudioFrame, VideoFrame, EncodedFrame {
}
