package io.jrtc.pc;

import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
/** The listener lists of one peer connection, one per W3C event. */
final class PeerConnectionEvents {
    final Listeners<RTCPeerConnectionState> connectionState;
    final Listeners<RTCIceConnectionState> iceConnectionState;
    final Listeners<RTCIceGatheringState> iceGatheringState;
    final Listeners<RTCSignalingState> signalingState;
    final Listeners<RTCIceCandidate> iceCandidate;
    final Listeners<RTCDataChannel> dataChannel;
    final Listeners<RTCTrackEvent> track;

    PeerConnectionEvents(ConnectionContext context) {
        connectionState = context.listeners();
        iceConnectionState = context.listeners();
        iceGatheringState = context.listeners();
        signalingState = context.listeners();
        iceCandidate = context.listeners();
        dataChannel = context.listeners();
        track = context.listeners();
    }
}
