package io.jrtc.pc;

/** An operation that failed for a reason other than the caller's (a socket that cannot bind). */
public class OperationError extends RTCError {
    public OperationError(String message) {
        super(message);
    }

    public OperationError(String message, Throwable cause) {
        super(message, cause);
    }

    public OperationError(RTCErrorReason reason, String message) {
        super(reason, message);
    }

    public OperationError(RTCErrorReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
