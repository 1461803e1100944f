package io.jrtc.pc;

/** Base of the errors the API raises, named like the W3C DOMExceptions they stand for. */
public class RTCError extends RuntimeException {
    public RTCError(String message) {
        super(message);
    }

    public RTCError(String message, Throwable cause) {
        super(message, cause);
    }
}
