package io.jrtc.spring.autoconfigure.whip;

import java.time.Instant;
import java.util.List;

import io.jrtc.media.MediaStreamTrack;
import io.swagger.v3.oas.annotations.media.Schema;

/** A published stream as the REST API lists it. */
@Schema(name = "Stream")
public record StreamView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The id in the WHEP URL") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The kinds of its tracks, in m-line order")
        List<String> kinds,
        @Schema(nullable = true, description = "The video codec viewers must take (video is forwarded as coded), "
                + "null without video") String videoCodec,
        @Schema(nullable = true, description = "The video codec's format parameters (H.264 profile-level-id)")
        String videoCodecParameters,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Consumers now: WHEP viewers and REST "
                + "subscribers") int viewers,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "When it was first published") Instant since) {

    static StreamView of(PublishedStream stream) {
        String parameters = stream.videoCodec() == null ? null : stream.videoCodec().parameters().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).sorted().reduce((a, b) -> a + ";" + b)
                .orElse(null);
        return new StreamView(stream.streamId(),
                stream.tracks().stream().map(MediaStreamTrack::getKind).map(Object::toString).toList(),
                stream.videoCodec() == null ? null : stream.videoCodec().mimeType(), parameters, stream.viewers(),
                stream.since());
    }
}
