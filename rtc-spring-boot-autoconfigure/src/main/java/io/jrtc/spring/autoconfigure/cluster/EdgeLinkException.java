package io.jrtc.spring.autoconfigure.cluster;

/** An edge could not pull a stream from another node (no reachable node carries it, or the pull failed). */
public class EdgeLinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EdgeLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
