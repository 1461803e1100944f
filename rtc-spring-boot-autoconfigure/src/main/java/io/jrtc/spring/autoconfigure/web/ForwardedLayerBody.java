package io.jrtc.spring.autoconfigure.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of PUT /peer-connections/{id}/transceivers/{transceiverId}/layer. */
@Schema(name = "ForwardedLayer")
public record ForwardedLayerBody(
        @Schema(description = "RID of the publisher's simulcast encoding to forward (RFC 8851); omitted without "
                + "simulcast", example = "h") String rid,
        @Schema(description = "Highest VP8 temporal layer to forward, 0 to 3 (default: all)", minimum = "0",
                maximum = "3") Integer temporalLayer) {
}
