package io.jrtc.spring.autoconfigure.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where what a transceiver's receiver gets goes: published as a stream (for WHEP viewers and REST subscribers),
 * recorded to a file, or forwarded to another connection's sender.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TransceiverRoute", description = "Where what a transceiver receives goes")
public record TransceiverRoute(
        @Schema(description = "publish: as (part of) stream {stream}; record: to {path} in rtc.media.directory "
                + "(the format from its extension: .ogg, .wav, .ivf, .h264); forward: to the sender of "
                + "{peerConnectionId}'s transceiver {transceiverId}",
                allowableValues = { "publish", "record", "forward" },
                requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "publish: the stream id") String stream,
        @Schema(description = "record: the file, relative to rtc.media.directory; it must not exist yet") String path,
        @Schema(description = "forward: the target connection") String peerConnectionId,
        @Schema(description = "forward: the target connection's transceiver") String transceiverId) {

    static final String PUBLISH = "publish";
    static final String RECORD = "record";
    static final String FORWARD = "forward";
}
