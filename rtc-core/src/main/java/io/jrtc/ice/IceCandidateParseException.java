package io.jrtc.ice;

/** Thrown when a candidate attribute does not follow the grammar of RFC 8839 §5.1. */
public final class IceCandidateParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public IceCandidateParseException(String message) {
        super(message);
    }
}
