package io.jrtc.rtp;

/** Malformed RTP or RTCP bytes: the only exception the parsers of this package throw. */
public final class RtpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public RtpParseException(String message) {
        super(message, null, false, false);
    }

    static void require(boolean condition, String message) throws RtpParseException {
        if (!condition) {
            throw new RtpParseException(message);
        }
    }
}
