package io.jrtc.sctp.wire;

/** Malformed SCTP packet, chunk, parameter or error cause: the only exception the wire parsers throw. */
public final class SctpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public SctpParseException(String message) {
        super(message, null, false, false);
    }

    static void require(boolean condition, String message) throws SctpParseException {
        if (!condition) {
            throw new SctpParseException(message);
        }
    }
}
