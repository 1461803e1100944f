package io.jrtc.spring.autoconfigure.service;

/** No peer connection with this id is open (never was, or was closed or reaped). */
public class UnknownPeerConnectionException extends RuntimeException {
    private final String peerConnectionId;

    public UnknownPeerConnectionException(String peerConnectionId) {
        super("No peer connection with id '" + peerConnectionId + "'");
        this.peerConnectionId = peerConnectionId;
    }

    public String getPeerConnectionId() {
        return peerConnectionId;
    }
}
