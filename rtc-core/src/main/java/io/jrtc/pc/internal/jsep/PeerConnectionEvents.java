package io.jrtc.pc.internal.jsep;

import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceConnectionState;
import io.jrtc.pc.RTCIceGatheringState;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSignalingState;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
/**
 * The listener lists of one peer connection for the W3C events that carry values; the datachannel and track events
 * carry facades, so the facade keeps those.
 */
public final class PeerConnectionEvents {
    public final Listeners<RTCPeerConnectionState> connectionState;
    public final Listeners<RTCIceConnectionState> iceConnectionState;
    public final Listeners<RTCIceGatheringState> iceGatheringState;
    public final Listeners<RTCSignalingState> signalingState;
    public final Listeners<RTCIceCandidate> iceCandidate;

    public PeerConnectionEvents(ConnectionContext context) {
        connectionState = context.listeners();
        iceConnectionState = context.listeners();
        iceGatheringState = context.listeners();
        signalingState = context.listeners();
        iceCandidate = context.listeners();
    }
}
