package io.jrtc.spring.autoconfigure.web;

import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.spring.autoconfigure.service.SdpRedaction;
import io.swagger.v3.oas.annotations.media.Schema;

/** A session description as JSON, the shape of W3C RTCSessionDescriptionInit. */
@Schema(name = "SessionDescription", description = "A session description (W3C RTCSessionDescriptionInit)")
public record SessionDescriptionBody(
        @Schema(description = "offer, answer, pranswer or rollback", example = "offer",
                requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(description = "The SDP text (RFC 8866)", requiredMode = Schema.RequiredMode.REQUIRED) String sdp) {

    public static SessionDescriptionBody of(RTCSessionDescription description) {
        return description == null ? null : new SessionDescriptionBody(description.type().toString(), description.sdp());
    }

    /** The description for views other than its owner's: without its ICE password ({@link SdpRedaction}). */
    public static SessionDescriptionBody redacted(RTCSessionDescription description) {
        return description == null ? null : new SessionDescriptionBody(description.type().toString(),
                SdpRedaction.withoutIcePasswords(description.sdp()));
    }

    /**
     * @param expected the type a request of this endpoint must carry; a missing type is taken as this one
     * @throws IllegalArgumentException when the type is unknown or not the expected one
     */
    public RTCSessionDescription toDescription(RTCSdpType... expected) {
        RTCSdpType parsed = type == null || type.isBlank() ? expected[0] : RTCSdpType.fromString(type);
        if (!java.util.List.of(expected).contains(parsed)) {
            throw new IllegalArgumentException("expected a session description of type "
                    + java.util.Arrays.toString(expected) + ", not " + parsed);
        }
        if (sdp == null) {
            throw new IllegalArgumentException("the session description has no sdp");
        }
        return new RTCSessionDescription(sdp, parsed);
    }
}
