package io.jrtc.spring.autoconfigure.web;

import io.jrtc.pc.RTCIceCandidate;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An ICE candidate as JSON (W3C RTCIceCandidateInit). A null or empty {@code candidate} means the end of
 * candidates, as in the W3C API.
 */
@Schema(name = "IceCandidate", description = "An ICE candidate (W3C RTCIceCandidateInit); candidate null or empty "
        + "means end of candidates")
public record IceCandidateBody(
        @Schema(description = "The candidate attribute value without 'a=', e.g. 'candidate:1 1 udp ...'",
                nullable = true) String candidate,
        @Schema(description = "The media stream identification tag", nullable = true) String sdpMid,
        @Schema(description = "Index of the m-line", nullable = true) Integer sdpMLineIndex,
        @Schema(description = "ICE username fragment", nullable = true) String usernameFragment) {

    public static IceCandidateBody of(RTCIceCandidate candidate) {
        return new IceCandidateBody(candidate.getCandidate(), candidate.getSdpMid(), candidate.getSdpMLineIndex(),
                candidate.getUsernameFragment());
    }

    public boolean endsCandidates() {
        return candidate == null || candidate.isBlank();
    }

    /** @return the candidate, or null for the end of candidates */
    public RTCIceCandidate toCandidate() {
        if (endsCandidates()) {
            return null;
        }
        String value = candidate.startsWith("a=") ? candidate.substring(2) : candidate;
        return new RTCIceCandidate(value, sdpMid, sdpMLineIndex, usernameFragment);
    }
}
