package io.jrtc.dtls;

/** What a {@link DtlsEndpoint} reports through {@link DtlsEndpoint#pollEvent()}. */
public sealed interface DtlsEvent {

    /**
     * The handshake completed and the remote certificate matched one of the expected fingerprints.
     *
     * @param srtp the DTLS-SRTP keys (RFC 5764 §4.2), or null when the use_srtp extension was not negotiated
     * @param remoteFingerprint the remote certificate's fingerprint, in the algorithm of the expected fingerprint
     *     that matched
     */
    record Connected(SrtpKeyingMaterial srtp, DtlsFingerprint remoteFingerprint) implements DtlsEvent {
    }

    /**
     * The handshake or the connection failed; nothing more is sent or delivered.
     *
     * @param reason short description, e.g. "fingerprint mismatch", "handshake timeout"
     * @param cause the underlying exception, or null
     */
    record Failed(String reason, Throwable cause) implements DtlsEvent {
    }

    /** The remote closed the connection with close_notify (RFC 5246 §7.2.1). */
    record Closed() implements DtlsEvent {
    }
}
