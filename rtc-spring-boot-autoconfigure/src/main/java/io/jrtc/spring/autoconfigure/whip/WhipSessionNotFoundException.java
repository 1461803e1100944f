package io.jrtc.spring.autoconfigure.whip;

/** A session resource that does not exist, or no longer (404, RFC 9725 section 4.2). */
public class WhipSessionNotFoundException extends WhipException {
    public WhipSessionNotFoundException(String sessionId) {
        super(404, "session-not-found", "Unknown session", "no session '" + sessionId + "'");
    }
}
