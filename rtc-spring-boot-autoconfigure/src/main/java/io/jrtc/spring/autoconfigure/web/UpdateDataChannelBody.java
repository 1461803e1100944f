package io.jrtc.spring.autoconfigure.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of PATCH /peer-connections/{id}/data-channels/{channelId}: what a client may change on a channel. */
@Schema(name = "UpdateDataChannel")
public record UpdateDataChannelBody(
        @Schema(description = "Whether received messages are published as data-channel-message events",
                nullable = true) Boolean messageEvents) {
}
