package io.jrtc.spring.autoconfigure.web;

import io.jrtc.pc.RTCDataChannel;
import io.swagger.v3.oas.annotations.media.Schema;

/** A data channel as the REST API shows it. */
@Schema(name = "DataChannel")
public record DataChannelView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String label,
        @Schema(nullable = true, description = "SCTP stream id, null until negotiated") Integer id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "connecting") String readyState,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean ordered,
        @Schema(nullable = true) Integer maxPacketLifeTime,
        @Schema(nullable = true) Integer maxRetransmits,
        String protocol,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean negotiated) {

    public static DataChannelView of(RTCDataChannel channel) {
        return new DataChannelView(channel.getLabel(), channel.getId(), channel.getReadyState().toString(),
                channel.isOrdered(), channel.getMaxPacketLifeTime(), channel.getMaxRetransmits(),
                channel.getProtocol(), channel.isNegotiated());
    }
}
