package io.jrtc.media;

import java.util.Objects;

/**
 * A coded frame as it travels in RTP, what a relay forwards without decoding: {@code mimeType} such as
 * "video/VP8" or "audio/opus" (RFC 8866 §6.6 encoding names under their media type), {@code timestamp} on the
 * codec's RTP clock of {@code clockRate} Hz, {@code keyframe} when it decodes on its own. {@code colorSpace} is what
 * the sender said of the picture's colours (the colour-space RTP header extension), overriding the bitstream's, or
 * null when it said nothing.
 */
public record EncodedFrame(String mimeType, int clockRate, byte[] data, long timestamp, boolean keyframe,
        ColorSpace colorSpace) implements Frame {
    public EncodedFrame {
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(data, "data");
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
    }

    /** A frame whose colours only its bitstream says. */
    public EncodedFrame(String mimeType, int clockRate, byte[] data, long timestamp, boolean keyframe) {
        this(mimeType, clockRate, data, timestamp, keyframe, null);
    }

    /** The media kind named by the type part of the MIME type. */
    public MediaKind kind() {
        int slash = mimeType.indexOf('/');
        return MediaKind.of(slash < 0 ? mimeType : mimeType.substring(0, slash));
    }
}
