package io.jrtc.sdp;

/**
 * A session description operation that the current signaling state does not allow (the W3C InvalidStateError).
 */
public final class InvalidStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidStateException(String message) {
        super(message);
    }
}
