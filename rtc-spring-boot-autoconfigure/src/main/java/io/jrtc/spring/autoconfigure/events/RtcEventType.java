package io.jrtc.spring.autoconfigure.events;

/** The kinds of {@link RtcEvent}; the wire name is the lower-case, dash-separated constant name. */
public enum RtcEventType {
    /** A peer connection was created. data: {} */
    CREATED,
    /** RTCPeerConnection.connectionState changed. data: {state} */
    CONNECTION_STATE,
    /** RTCPeerConnection.iceConnectionState changed. data: {state} */
    ICE_CONNECTION_STATE,
    /** RTCPeerConnection.iceGatheringState changed. data: {state} */
    ICE_GATHERING_STATE,
    /** RTCPeerConnection.signalingState changed. data: {state} */
    SIGNALING_STATE,
    /** A local ICE candidate was gathered, or gathering ended. data: {candidate, sdpMid, sdpMLineIndex, usernameFragment} or {candidate: null} */
    LOCAL_CANDIDATE,
    /** A data channel opened. data: {channelId, label, id (SCTP stream), protocol, ordered} */
    DATA_CHANNEL_OPEN,
    /**
     * A data channel closed; the service forgets it after this event. data: {channelId, label, id, reason,
     * messagesSent, messagesReceived, bytesSent, bytesReceived}
     */
    DATA_CHANNEL_CLOSE,
    /**
     * A message arrived on a channel whose message events are on (opt-in per channel). data: {channelId, label,
     * id, binary, size, truncated, data (text, or base64 when binary; at most 4096 bytes)}
     */
    DATA_CHANNEL_MESSAGE,
    /**
     * The remote side's description brought a track: data {transceiverId, mid, kind, trackId, streamIds}. The
     * transceiver's route says where it goes (nowhere until one is set).
     */
    TRACK,
    /**
     * Something changed that needs an offer/answer exchange to take effect (a transceiver added, a direction
     * changed, a data channel before the first): act with {@code create-offer} or by sending an offer. data: {}
     */
    NEGOTIATION_NEEDED,
    /** Periodic statistics sample. data: see {@code StatsSummary#toMap()} */
    STATS,
    /** The reaper closed the connection. data: {reason: idle|failed|session-timeout} */
    REAPED,
    /** The connection was closed and removed. data: {reason} */
    CLOSED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
