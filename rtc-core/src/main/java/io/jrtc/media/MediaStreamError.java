package io.jrtc.media;

/** aiortc's {@code MediaStreamError}: the track has ended, so there is no next frame. */
public class MediaStreamError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaStreamError(String message) {
        super(message);
    }

    public MediaStreamError(String message, Throwable cause) {
        super(message, cause);
    }
}
