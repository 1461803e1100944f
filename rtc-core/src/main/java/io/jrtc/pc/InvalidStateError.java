package io.jrtc.pc;

/** A call made in a state that does not allow it (wrong signalling state, closed connection, channel not open). */
public class InvalidStateError extends RTCError {
    public InvalidStateError(String message) {
        super(message);
    }

    public InvalidStateError(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidStateError(RTCErrorReason reason, String message) {
        super(reason, message);
    }

    public InvalidStateError(RTCErrorReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
