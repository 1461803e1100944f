package io.jrtc.codec;

/** Malformed RTP payload bytes: the only exception the payload parsers of this package throw. */
public final class CodecParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public CodecParseException(String message) {
        super(message, null, false, false);
    }

    static void require(boolean condition, String message) throws CodecParseException {
        if (!condition) {
            throw new CodecParseException(message);
        }
    }
}
