package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A peer connection as the REST API shows it: its states and descriptions. The remote description comes without
 * its ICE password: that secret belongs to the peer that sent it, not to whoever may list connections.
 */
@Schema(name = "PeerConnection")
public record PeerConnectionView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "new") String connectionState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "new") String iceConnectionState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "new") String iceGatheringState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "stable") String signalingState,
        @Schema(nullable = true) SessionDescriptionBody localDescription,
        @Schema(nullable = true, description = "The remote description, without its a=ice-pwd line")
        SessionDescriptionBody remoteDescription,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "ISO-8601 instant")
        String createdAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DataChannelView> dataChannels) {

    public static PeerConnectionView of(ManagedPeerConnection connection) {
        RTCPeerConnection pc = connection.peerConnection();
        return new PeerConnectionView(connection.id(), pc.getConnectionState().toString(),
                pc.getIceConnectionState().toString(), pc.getIceGatheringState().toString(),
                pc.getSignalingState().toString(), SessionDescriptionBody.of(pc.getLocalDescription()),
                SessionDescriptionBody.redacted(pc.getRemoteDescription()), connection.createdAt().toString(),
                connection.dataChannels().stream().map(DataChannelView::of).toList());
    }
}
