package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.jrtc.spring.autoconfigure.service.TransceiverRoute;
import io.jrtc.spring.autoconfigure.service.TransceiverService;
import io.jrtc.spring.autoconfigure.service.TransceiverSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transceivers of a REST-managed connection, each under its {@code transceiverId}: add one, attach a source
 * to its sender, route what its receiver gets, change its direction, stop it. Changes that need negotiation raise
 * a {@code negotiation-needed} event; act on it with {@code create-offer} or by sending an offer. Transceivers the
 * remote offer adds get ids too, announced by {@code track} events.
 */
@RestController
@RtcApi
@RequestMapping("${rtc.rest.base-path:/api/rtc}/peer-connections/{id}/transceivers")
@Tag(name = "peer-connections", description = "WebRTC peer connections managed by the server")
public class TransceiverController {
    private final TransceiverService transceivers;

    public TransceiverController(TransceiverService transceivers) {
        this.transceivers = transceivers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addTransceiver", summary = "Add a transceiver (W3C addTransceiver), optionally with "
            + "what its sender sends")
    @ApiResponse(responseCode = "201", description = "Created")
    public TransceiverView add(@PathVariable String id, @RequestBody AddTransceiverBody body) {
        if (body.kind() == null) {
            throw new IllegalArgumentException("a transceiver needs a kind: audio or video");
        }
        String transceiverId = transceivers.add(id, body.kind(), body.direction(), body.codecs()).transceiverId();
        if (body.source() != null) {
            transceivers.setSource(id, transceiverId, body.source());
        }
        return TransceiverView.of(transceivers.get(id, transceiverId));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listTransceivers", summary = "The connection's transceivers, added by either side")
    public List<TransceiverView> list(@PathVariable String id) {
        return transceivers.list(id).stream().map(TransceiverView::of).toList();
    }

    @GetMapping(path = "/{transceiverId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getTransceiver", summary = "One transceiver")
    public TransceiverView get(@PathVariable String id, @PathVariable String transceiverId) {
        return TransceiverView.of(transceivers.get(id, transceiverId));
    }

    @PatchMapping(path = "/{transceiverId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "updateTransceiver", summary = "Change a transceiver's direction")
    public TransceiverView update(@PathVariable String id, @PathVariable String transceiverId,
            @RequestBody UpdateTransceiverBody body) {
        if (body.direction() == null) {
            throw new IllegalArgumentException("nothing to change: give a direction");
        }
        return TransceiverView.of(transceivers.setDirection(id, transceiverId, body.direction()));
    }

    @PostMapping(path = "/{transceiverId}/stop", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "stopTransceiver", summary = "Stop a transceiver for good (W3C stop); its source and "
            + "route end")
    public TransceiverView stop(@PathVariable String id, @PathVariable String transceiverId) {
        return TransceiverView.of(transceivers.stop(id, transceiverId));
    }

    @PutMapping(path = "/{transceiverId}/source", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setTransceiverSource", summary = "Send a source on the transceiver's sender "
            + "(replaceTrack): a published stream, a media file, a tone")
    public TransceiverView setSource(@PathVariable String id, @PathVariable String transceiverId,
            @RequestBody TransceiverSource source) {
        return TransceiverView.of(transceivers.setSource(id, transceiverId, source));
    }

    @DeleteMapping(path = "/{transceiverId}/source", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "clearTransceiverSource", summary = "Send nothing (replaceTrack(null))")
    public TransceiverView clearSource(@PathVariable String id, @PathVariable String transceiverId) {
        return TransceiverView.of(transceivers.clearSource(id, transceiverId));
    }

    @PutMapping(path = "/{transceiverId}/route", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setTransceiverRoute", summary = "Route what the receiver gets: publish as a stream, "
            + "record to a file, forward to another connection's sender")
    public TransceiverView setRoute(@PathVariable String id, @PathVariable String transceiverId,
            @RequestBody TransceiverRoute route) {
        return TransceiverView.of(transceivers.setRoute(id, transceiverId, route));
    }

    @DeleteMapping(path = "/{transceiverId}/route", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "clearTransceiverRoute", summary = "End the route (a recording is finished, a "
            + "publication withdrawn)")
    public TransceiverView clearRoute(@PathVariable String id, @PathVariable String transceiverId) {
        return TransceiverView.of(transceivers.clearRoute(id, transceiverId));
    }

    @PutMapping(path = "/{transceiverId}/layer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "setTransceiverLayer", summary = "Forward one simulcast encoding of the publisher "
            + "(by rid) instead of choosing from the peer's bandwidth estimate; for a sender with a stream source")
    @ApiResponse(responseCode = "200", description = "Forwarded from the encoding's next keyframe")
    @ApiResponse(responseCode = "422", description = "The sender forwards nothing, or no such encoding",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public TransceiverView setLayer(@PathVariable String id, @PathVariable String transceiverId,
            @RequestBody ForwardedLayerBody body) {
        return TransceiverView.of(transceivers.setForwardedLayer(id, transceiverId, body.rid(), body.temporalLayer()));
    }

    @DeleteMapping(path = "/{transceiverId}/layer", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "clearTransceiverLayer", summary = "Choose the forwarded encoding from the peer's "
            + "bandwidth estimate again (the default)")
    @ApiResponse(responseCode = "200", description = "Chosen automatically again")
    @ApiResponse(responseCode = "422", description = "The sender forwards nothing",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public TransceiverView clearLayer(@PathVariable String id, @PathVariable String transceiverId) {
        return TransceiverView.of(transceivers.setForwardedLayer(id, transceiverId, null, null));
    }
}
