package io.jrtc.spring.autoconfigure.recording;

/** A recording request that cannot be served, with the HTTP status and RFC 9457 problem type it is answered with. */
public class RecordingException extends RuntimeException {
    private final int status;
    private final String problemType;
    private final String title;

    RecordingException(int status, String problemType, String title, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problemType = problemType;
        this.title = title;
    }

    static RecordingException streamNotFound(String streamId) {
        return new RecordingException(404, "stream-not-found", "Stream not published",
                "no stream '" + streamId + "' is published", null);
    }

    static RecordingException notRecording(String streamId) {
        return new RecordingException(404, "not-recording", "Stream not recorded",
                "stream '" + streamId + "' is not being recorded", null);
    }

    static RecordingException alreadyRecording(String streamId) {
        return new RecordingException(409, "already-recording", "Stream already recorded",
                "stream '" + streamId + "' is already being recorded", null);
    }

    static RecordingException badFormat(String format) {
        return new RecordingException(400, "bad-request", "Bad request",
                "format '" + format + "' is none of mp4, webm", null);
    }

    static RecordingException codecNotInContainer(String streamId, String codec, RecordingProperties.Format format) {
        return new RecordingException(409, "codec-not-in-container", "Codec not in this container",
                "stream '" + streamId + "' sends " + codec + ", which " + format.extension() + " cannot hold", null);
    }

    static RecordingException unavailable(String why, Throwable cause) {
        return new RecordingException(503, "recording-unavailable", "Recording unavailable", why, cause);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type URI, e.g. {@code already-recording}. */
    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }
}
