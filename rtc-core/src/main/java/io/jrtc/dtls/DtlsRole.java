package io.jrtc.dtls;

/**
 * Which side of the DTLS handshake this endpoint takes. In SDP terms (RFC 8842 §5.1, RFC 4145), {@code a=setup:active}
 * is the {@link #CLIENT} and {@code a=setup:passive} the {@link #SERVER}.
 */
public enum DtlsRole {
    /** Sends the ClientHello ("active"). */
    CLIENT,
    /** Waits for the ClientHello ("passive"). */
    SERVER
}
