package io.jrtc.pc;

/**
 * Why an {@link RTCError} was raised, for a caller (or a test, or a REST layer mapping errors to responses) that
 * must tell causes apart without reading the message. The W3C error class says what kind of fault it is; this says
 * which one.
 */
public enum RTCErrorReason {
    /** No finer reason is known. */
    UNSPECIFIED,
    /** The operation is not allowed in the current signaling state (W3C webrtc-pc §4.3.1). */
    WRONG_SIGNALING_STATE,
    /** The peer connection, transport or engine is closed. */
    CLOSED,
    /** The operation needs a remote description first (addIceCandidate). */
    NO_REMOTE_DESCRIPTION,
    /** The description does not parse; {@link SdpSyntaxError#getLineNumber()} says where. */
    SDP_SYNTAX,
    /** An m-line lacks a=rtcp-mux, which WebRTC requires (RFC 8834 §5.1.1). */
    MISSING_RTCP_MUX,
    /** Two m-lines share a mid, or the BUNDLE group names a mid no m-line has (RFC 9143). */
    INVALID_MID,
    /** The transport m-line lacks a=ice-ufrag or a=ice-pwd (RFC 8839 §5.4). */
    MISSING_ICE_CREDENTIALS,
    /** The transport m-line lacks a=fingerprint, so DTLS cannot be authenticated (RFC 8122). */
    MISSING_FINGERPRINT,
    /** a=setup is unknown, or actpass in an answer (RFC 8842 §5). */
    INVALID_SETUP,
    /** The answer's m-lines do not match the offer's (RFC 8829 §5.3.1). */
    ANSWER_MISMATCHES_OFFER,
    /** A candidate names no m-line of the remote description, or none at all (W3C addIceCandidate). */
    UNKNOWN_CANDIDATE_MID,
    /** The track is already sent by a sender of this connection (W3C addTrack). */
    TRACK_ALREADY_SENT,
    /** The sender does not belong to this connection (W3C removeTrack). */
    FOREIGN_SENDER,
    /** An argument is missing or of the wrong shape. */
    INVALID_ARGUMENT,
    /** A data-channel message is larger than the remote accepts (RFC 8841 max-message-size). */
    MESSAGE_TOO_LARGE,
    /** A data channel's bufferedAmount would pass the cap ({@link SctpSettings#maxBufferedAmount()}), as browsers'. */
    SEND_QUEUE_FULL,
}
