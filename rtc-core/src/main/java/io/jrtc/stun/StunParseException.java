package io.jrtc.stun;

/** Thrown when bytes are not a well-formed STUN message or attribute (RFC 8489 §5, §14). */
public final class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public StunParseException(String message) {
        super(message);
    }
}
