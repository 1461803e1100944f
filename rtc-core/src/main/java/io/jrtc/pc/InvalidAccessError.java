package io.jrtc.pc;

/** A parameter that is valid alone but not here (an answer that does not match the offer, a candidate for an unknown mid). */
public class InvalidAccessError extends RTCError {
    public InvalidAccessError(String message) {
        super(message);
    }

    public InvalidAccessError(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidAccessError(RTCErrorReason reason, String message) {
        super(reason, message);
    }

    public InvalidAccessError(RTCErrorReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
