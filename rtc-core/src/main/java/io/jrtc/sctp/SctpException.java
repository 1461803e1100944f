package io.jrtc.sctp;

/** API misuse of an {@link SctpAssociation}: wrong state, message too large, stream out of range. */
public final class SctpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SctpException(String message) {
        super(message);
    }
}
