package io.jrtc.turn;

/** Thrown when bytes are not a well-formed ChannelData message (RFC 8656 §12.4). */
public final class TurnParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public TurnParseException(String message) {
        super(message);
    }
}
