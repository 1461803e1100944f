package io.jrtc.datachannel;

/** A DCEP message (RFC 8832 §5) that does not follow the wire format. */
public final class DcepParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public DcepParseException(String message) {
        super(message);
    }
}
