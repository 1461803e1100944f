package io.jrtc.spring.autoconfigure.service;

/** The connection has no data channel with this id (never had, or the channel closed and was forgotten). */
public class UnknownDataChannelException extends RuntimeException {
    private final String peerConnectionId;
    private final String channelId;

    public UnknownDataChannelException(String peerConnectionId, String channelId) {
        super("Peer connection '" + peerConnectionId + "' has no data channel with id '" + channelId + "'");
        this.peerConnectionId = peerConnectionId;
        this.channelId = channelId;
    }

    public String getPeerConnectionId() {
        return peerConnectionId;
    }

    public String getChannelId() {
        return channelId;
    }
}
