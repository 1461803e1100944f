package io.jrtc.spring.autoconfigure.web;

import io.jrtc.pc.RTCDataChannelInit;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /peer-connections/{id}/data-channels: a label and W3C RTCDataChannelInit options. */
@Schema(name = "CreateDataChannel")
public record CreateDataChannelBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "chat") String label,
        @Schema(description = "Whether messages arrive in order (default true)", nullable = true) Boolean ordered,
        @Schema(description = "Partial reliability: lifetime in ms", nullable = true) Integer maxPacketLifeTime,
        @Schema(description = "Partial reliability: retransmissions", nullable = true) Integer maxRetransmits,
        @Schema(description = "Subprotocol name", nullable = true) String protocol,
        @Schema(description = "Whether the channel is negotiated out of band (then id is required)",
                nullable = true) Boolean negotiated,
        @Schema(description = "SCTP stream id for a negotiated channel", nullable = true) Integer id,
        @Schema(description = "Whether received messages are published as data-channel-message events "
                + "(default false)", nullable = true) Boolean messageEvents) {

    /** @return the options, or null when none was given */
    public RTCDataChannelInit toInit() {
        if (ordered == null && maxPacketLifeTime == null && maxRetransmits == null && protocol == null
                && negotiated == null && id == null) {
            return null;
        }
        return new RTCDataChannelInit(ordered, maxPacketLifeTime, maxRetransmits, protocol, negotiated, id);
    }
}
