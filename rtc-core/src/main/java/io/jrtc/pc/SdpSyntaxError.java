package io.jrtc.pc;

/** A session description that does not parse; the message names the line and what is wrong with it. */
public class SdpSyntaxError extends RTCError {
    private final int lineNumber;

    public SdpSyntaxError(String message, int lineNumber, Throwable cause) {
        super(RTCErrorReason.SDP_SYNTAX, message, cause);
        this.lineNumber = lineNumber;
    }

    /** 1-based line of the description, or 0 when the fault is not on one line. */
    public int getLineNumber() {
        return lineNumber;
    }
}
