package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCDtlsTransportState;
import io.jrtc.pc.RTCIceConnectionState;
import io.jrtc.pc.RTCIceGatheringState;
import io.jrtc.pc.RTCIceTransportState;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.internal.transport.DtlsTransport;
import io.jrtc.pc.internal.transport.IceGatherer;
import io.jrtc.pc.internal.transport.IceTransport;
/**
 * Derives the peer connection's aggregate states from its transports, in one place (W3C
 * webrtc-pc §4.4.3, RTCPeerConnectionState and RTCIceConnectionState), and fires their change events.
 */
public final class ConnectionStates {
    private final PeerConnectionEvents events;
    private volatile RTCPeerConnectionState connection = RTCPeerConnectionState.NEW;
    private volatile RTCIceConnectionState ice = RTCIceConnectionState.NEW;
    private volatile RTCIceGatheringState gathering = RTCIceGatheringState.NEW;
    private IceTransport iceTransport;
    private DtlsTransport dtlsTransport;

    public ConnectionStates(PeerConnectionEvents events) {
        this.events = events;
    }

    public void watch(IceGatherer gatherer, IceTransport iceTransport, DtlsTransport dtlsTransport) {
        this.iceTransport = iceTransport;
        this.dtlsTransport = dtlsTransport;
        gatherer.onStateChange(this::onGatheringState);
        iceTransport.addInternalStateListener(state -> update());
        dtlsTransport.onStateChange(state -> update());
    }

    public RTCPeerConnectionState connectionState() {
        return connection;
    }

    public RTCIceConnectionState iceConnectionState() {
        return ice;
    }

    public RTCIceGatheringState iceGatheringState() {
        return gathering;
    }

    public void close() {
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
