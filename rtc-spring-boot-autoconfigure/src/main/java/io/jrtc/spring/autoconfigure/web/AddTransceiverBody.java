package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.jrtc.spring.autoconfigure.service.TransceiverSource;
import io.swagger.v3.oas.annotations.media.Schema;

/** Body of POST /peer-connections/{id}/transceivers: W3C addTransceiver with a kind, plus an optional source. */
@Schema(name = "AddTransceiver")
public record AddTransceiverBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = { "audio", "video" }) String kind,
        @Schema(description = "sendrecv (default), sendonly, recvonly or inactive", nullable = true)
        String direction,
        @Schema(description = "Codec preferences by MIME type, most preferred first (e.g. video/VP8); default: all "
                + "the server supports", nullable = true) List<String> codecs,
        @Schema(description = "What the sender sends from the start", nullable = true) TransceiverSource source) {
}
