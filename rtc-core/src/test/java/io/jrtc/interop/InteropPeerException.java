package io.jrtc.interop;

/** A peer failed, or did not do something in time; the message quotes the tail of the peer's log. */
public class InteropPeerException extends RuntimeException {

    public InteropPeerException(String message) {
        super(message);
    }

    public InteropPeerException(String message, Throwable cause) {
        super(message, cause);
    }
}
