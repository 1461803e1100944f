package io.jrtc.dtls;

/** A certificate fingerprint string is not in the RFC 8122 §5 form {@code hash-func SP 2UHEX *(":" 2UHEX)}. */
public final class DtlsFingerprintFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public DtlsFingerprintFormatException(String message) {
        super(message);
    }
}
