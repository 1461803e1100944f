package io.jrtc.srtp;

import java.util.Objects;

/**
 * A packet SRTP refuses to protect or unprotect. Thrown per packet on the receive path, so it carries no stack trace
 * (creating one would cost more than the packet); the {@link Reason} is what callers act on.
 */
public final class SrtpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet was refused. */
    public enum Reason {
        /** Too short or not a version 2 RTP/RTCP packet, or its header runs past its end. */
        MALFORMED,
        /** The authentication tag does not match (RFC 3711 §3.3 step 5, RFC 7714 §10). */
        AUTH_FAILED,
        /** The packet index was already seen within the replay window (RFC 3711 §3.3.2). */
        REPLAYED,
        /** The packet index is older than the replay window reaches (RFC 3711 §3.3.2). */
        TOO_OLD,
        /** The index space of the master key is used up: SRTP 2^48 or SRTCP 2^31 packets (RFC 3711 §9.2). */
        INDEX_EXHAUSTED,
        /** A new SSRC beyond {@link SrtpReceiver#MAX_STREAMS}: a peer cannot make us keep state without bound. */
        TOO_MANY_STREAMS
    }

    private final Reason reason;

    SrtpException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the packet was refused. */
    public Reason reason() {
        return reason;
    }
}
