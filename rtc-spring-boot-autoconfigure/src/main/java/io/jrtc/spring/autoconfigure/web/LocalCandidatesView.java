package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The local candidates gathered so far. */
@Schema(name = "LocalCandidates")
public record LocalCandidatesView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<IceCandidateBody> candidates,
        @Schema(description = "Whether gathering is complete: no more candidates will come",
                requiredMode = Schema.RequiredMode.REQUIRED) boolean gatheringComplete) {
}
