package io.jrtc.pc;

/** An argument of the wrong shape (a data-channel message over the remote's max-message-size). */
public class TypeError extends RTCError {
    public TypeError(String message) {
        super(message);
    }

    public TypeError(String message, Throwable cause) {
        super(message, cause);
    }

    public TypeError(RTCErrorReason reason, String message) {
        super(reason, message);
    }

    public TypeError(RTCErrorReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
