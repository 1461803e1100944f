package io.jrtc.spring.autoconfigure.service;

/**
 * A media operation of the REST API that cannot be done: what went wrong is the {@link Reason}, which the web layer
 * turns into a problem type and an HTTP status.
 */
public class MediaRoutingException extends RuntimeException {

    /** Why the operation was refused. */
    public enum Reason {
        /** The connection has no transceiver with this id. */
        UNKNOWN_TRANSCEIVER,
        /** Nobody publishes the stream. */
        UNKNOWN_STREAM,
        /** Another connection publishes the stream. */
        STREAM_TAKEN,
        /** Streams are served by the WHIP/WHEP endpoints, which are off. */
        STREAMS_DISABLED,
        /** No media directory is configured, so no file may be played or recorded. */
        FILES_DISABLED,
        /** The path leaves the configured media directory. */
        FILE_OUTSIDE_DIRECTORY,
        /** No such file in the media directory. */
        FILE_NOT_FOUND,
        /** The file cannot be read or written as media. */
        FILE_UNUSABLE,
        /** The source or route does not fit the transceiver's kind or direction. */
        WRONG_KIND,
        /** The negotiated codec differs from the one that would be forwarded, which is never transcoded. */
        CODEC_MISMATCH,
        /** The transceiver was stopped. */
        TRANSCEIVER_STOPPED,
        /** Raw video needs an encoder, which needs FFmpeg (org.bytedeco:ffmpeg), and it is not there. */
        ENCODER_UNAVAILABLE,
        /** The sender forwards no publisher's packets, or the publisher sends no such layer. */
        LAYER_NOT_AVAILABLE
    }

    private final Reason reason;

    public MediaRoutingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public MediaRoutingException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
