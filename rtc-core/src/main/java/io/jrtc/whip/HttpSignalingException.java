package io.jrtc.whip;

/**
 * A WHIP or WHEP endpoint refused a request: its status and, when it answered with problem details
 * (RFC 9457), their type, title and detail; otherwise the title is the body's first line.
 */
public final class HttpSignalingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String type;
    private final String title;
    private final String detail;

    public HttpSignalingException(String request, int status, String type, String title, String detail) {
        super(request + " answered " + status + (title == null ? "" : ": " + title)
                + (detail == null ? "" : " (" + detail + ")"));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** The HTTP status code. */
    public int getStatus() {
        return status;
    }

    /** The problem type URI, or null when the body was not problem details. */
    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }
}
