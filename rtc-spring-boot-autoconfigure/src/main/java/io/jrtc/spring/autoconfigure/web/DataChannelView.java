package io.jrtc.spring.autoconfigure.web;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.spring.autoconfigure.service.ManagedDataChannel;
import io.swagger.v3.oas.annotations.media.Schema;

/** A data channel as the REST API shows it. */
@Schema(name = "DataChannel")
public record DataChannelView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "dc-1", description = "The REST id of the "
                + "channel: stable, never reused on this connection, the key of its WebSocket and messages URLs")
        String channelId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label,
        @Schema(nullable = true, description = "SCTP stream id, null until negotiated; reused after a close")
        Integer id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "connecting") String readyState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean ordered,
        @Schema(nullable = true) Integer maxPacketLifeTime,
        @Schema(nullable = true) Integer maxRetransmits,
        String protocol,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean negotiated,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Bytes sent and not yet acknowledged by the peer") long bufferedAmount,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Whether received messages are published as data-channel-message events")
        boolean messageEvents) {

    public static DataChannelView of(ManagedDataChannel managed) {
        RTCDataChannel channel = managed.channel();
        return new DataChannelView(managed.channelId(), channel.getLabel(), channel.getId(),
                channel.getReadyState().toString(), channel.isOrdered(), channel.getMaxPacketLifeTime(),
                channel.getMaxRetransmits(), channel.getProtocol(), channel.isNegotiated(),
                channel.getBufferedAmount(), managed.messageEvents());
    }
}
