package io.jrtc.pc;

/** A change the current state forbids (modifying a description before setting it). */
public class InvalidModificationError extends RTCError {
    public InvalidModificationError(String message) {
        super(message);
    }

    public InvalidModificationError(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidModificationError(RTCErrorReason reason, String message) {
        super(reason, message);
    }

    public InvalidModificationError(RTCErrorReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
