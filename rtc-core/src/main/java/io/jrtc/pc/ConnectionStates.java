package io.jrtc.pc;

/**
 * Derives the peer connection's aggregate states from its transports, in one place (W3C
 * webrtc-pc §4.4.3, RTCPeerConnectionState and RTCIceConnectionState), and fires their change events.
 */
final class ConnectionStates {
    private final PeerConnectionEvents events;
    private volatile RTCPeerConnectionState connection = RTCPeerConnectionState.NEW;
    private volatile RTCIceConnectionState ice = RTCIceConnectionState.NEW;
    private volatile RTCIceGatheringState gathering = RTCIceGatheringState.NEW;
    private RTCIceTransport iceTransport;
    private RTCDtlsTransport dtlsTransport;

    ConnectionStates(PeerConnectionEvents events) {
        this.events = events;
    }

    void watch(RTCIceGatherer gatherer, RTCIceTransport iceTransport, RTCDtlsTransport dtlsTransport) {
        this.iceTransport = iceTransport;
        this.dtlsTransport = dtlsTransport;
        gatherer.onStateChange(this::onGatheringState);
        iceTransport.core().addInternalStateListener(state -> update());
        dtlsTransport.onStateChange(state -> update());
    }

    RTCPeerConnectionState connectionState() {
        return connection;
    }

    RTCIceConnectionState iceConnectionState() {
        return ice;
    }

    RTCIceGatheringState iceGatheringState() {
        return gathering;
    }

    void close() {
        setIce(RTCIceConnectionState.CLOSED);
        setConnection(RTCPeerConnectionState.CLOSED);
    }

    private void onGatheringState(RTCIceGatheringState next) {
        if (gathering != next && connection != RTCPeerConnectionState.CLOSED) {
            gathering = next;
            events.iceGatheringState.emit(next);
        }
    }

    private synchronized void update() {
        if (connection == RTCPeerConnectionState.CLOSED) {
            return;
        }
        RTCIceTransportState iceState = iceTransport.getState();
        RTCDtlsTransportState dtlsState = dtlsTransport.getState();
        setIce(RTCIceConnectionState.valueOf(iceState.name()));
        setConnection(aggregate(iceState, dtlsState));
    }

    static RTCPeerConnectionState aggregate(RTCIceTransportState ice, RTCDtlsTransportState dtls) {
        if (ice == RTCIceTransportState.FAILED || dtls == RTCDtlsTransportState.FAILED) {
            return RTCPeerConnectionState.FAILED;
        }
        if (ice == RTCIceTransportState.DISCONNECTED) {
            return RTCPeerConnectionState.DISCONNECTED;
        }
        boolean iceUp = ice == RTCIceTransportState.CONNECTED || ice == RTCIceTransportState.COMPLETED;
        if (iceUp && dtls == RTCDtlsTransportState.CONNECTED) {
            return RTCPeerConnectionState.CONNECTED;
        }
        if (ice == RTCIceTransportState.NEW && dtls == RTCDtlsTransportState.NEW) {
            return RTCPeerConnectionState.NEW;
        }
        if (ice == RTCIceTransportState.CLOSED || dtls == RTCDtlsTransportState.CLOSED) {
            return RTCPeerConnectionState.CLOSED;
        }
        return RTCPeerConnectionState.CONNECTING;
    }

    private void setIce(RTCIceConnectionState next) {
        if (ice != next) {
            ice = next;
            events.iceConnectionState.emit(next);
        }
    }

    private void setConnection(RTCPeerConnectionState next) {
        if (connection != next) {
            connection = next;
            events.connectionState.emit(next);
        }
    }
}
