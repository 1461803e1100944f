package io.jrtc.spring.autoconfigure.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of PATCH /peer-connections/{id}/transceivers/{transceiverId}. */
@Schema(name = "UpdateTransceiver")
public record UpdateTransceiverBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The new direction: sendrecv, sendonly, "
                + "recvonly or inactive; takes effect with the next offer/answer") String direction) {
}
