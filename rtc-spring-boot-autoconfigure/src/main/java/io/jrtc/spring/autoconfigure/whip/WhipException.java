package io.jrtc.spring.autoconfigure.whip;

/**
 * A WHIP or WHEP request that cannot be served, with the HTTP status and RFC 9457 problem type it is answered
 * with.
 */
public abstract class WhipException extends RuntimeException {
    private final int status;
    private final String problemType;
    private final String title;

    protected WhipException(int status, String problemType, String title, String message) {
        super(message);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type URI, e.g. {@code stream-not-found}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
