package io.jrtc.media.video;

/**
 * The native codec library is not there: the optional dependency {@code org.bytedeco:ffmpeg} (with its natives for
 * this platform) is missing from the class path, or its natives do not load here. Coded video keeps working
 * without it; only encoding and decoding need it.
 */
public final class VideoCodecUnavailableException extends VideoCodecException {
    public VideoCodecUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
