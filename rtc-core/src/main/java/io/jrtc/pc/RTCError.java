package io.jrtc.pc;

import java.util.Objects;

/** Base of the errors the API raises, named like the W3C DOMExceptions they stand for, with a {@link RTCErrorReason}. */
public class RTCError extends RuntimeException {
    private final RTCErrorReason reason;

    public RTCError(String message) {
        this(RTCErrorReason.UNSPECIFIED, message, null);
    }

    public RTCError(String message, Throwable cause) {
        this(RTCErrorReason.UNSPECIFIED, message, cause);
    }

    public RTCError(RTCErrorReason reason, String message) {
        this(reason, message, null);
    }

    public RTCError(RTCErrorReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which fault this is, for callers that must tell causes apart. */
    public RTCErrorReason getReason() {
        return reason;
    }
}
