package io.jrtc.spring.autoconfigure.whip;

/** A PATCH whose If-Match names another ICE session than the current one (412, RFC 9725 section 4.3.1). */
public class EntityTagMismatchException extends WhipException {
    public EntityTagMismatchException(String presented) {
        super(412, "precondition-failed", "Entity tag mismatch",
                "If-Match " + presented + " does not name the session's current ICE session");
    }
}
