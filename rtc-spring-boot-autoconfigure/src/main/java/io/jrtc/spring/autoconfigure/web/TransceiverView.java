package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.jrtc.pc.RTCRtpCodecParameters;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.spring.autoconfigure.service.ManagedTransceiver;
import io.jrtc.spring.autoconfigure.service.TransceiverRoute;
import io.jrtc.spring.autoconfigure.service.TransceiverSource;
import io.swagger.v3.oas.annotations.media.Schema;

/** A transceiver as the REST API shows it, with what the API attached to it. */
@Schema(name = "Transceiver")
public record TransceiverView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "tr-1", description = "The REST id: "
                + "stable, never reused on this connection") String transceiverId,
        @Schema(nullable = true, description = "The m-line's mid, null until negotiated") String mid,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "video") String kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sendrecv") String direction,
        @Schema(nullable = true, description = "The negotiated direction, null until negotiated")
        String currentDirection,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "MIME types the sender negotiated, media codec first") List<String> sendCodecs,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "MIME types the receiver negotiated, media codec first") List<String> receiveCodecs,
        @Schema(nullable = true) TransceiverSource source,
        @Schema(nullable = true) TransceiverRoute route) {

    public static TransceiverView of(ManagedTransceiver managed) {
        RTCRtpTransceiver transceiver = managed.transceiver();
        RTCRtpTransceiverDirection current = transceiver.getCurrentDirection();
        return new TransceiverView(managed.transceiverId(), transceiver.getMid(), transceiver.getKind(),
                transceiver.getDirection().toString(), current == null ? null : current.toString(),
                mimeTypes(transceiver.getSender().getParameters().codecs()),
                mimeTypes(transceiver.getReceiver().getParameters().codecs()), managed.source(), managed.route());
    }

    private static List<String> mimeTypes(List<RTCRtpCodecParameters> codecs) {
        return codecs.stream().map(RTCRtpCodecParameters::mimeType).distinct().toList();
    }
}
