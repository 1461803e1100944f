package io.jrtc.media.video;

/** A video codec failed: it could not be opened, or it refused a frame. */
public class VideoCodecException extends RuntimeException {
    public VideoCodecException(String message) {
        super(message);
    }

    public VideoCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
