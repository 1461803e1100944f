package io.jrtc.spring.autoconfigure.whip;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The WHEP core-extensions draft's two extensions on a WHEP session, announced in the Link header of its 201
 * ({@link #links}): Video Layer Selection ({@code POST {session}/layer} with a {@link LayerRequest}) and Server
 * Sent Events ({@code POST {session}/sse} with the event types wanted creates an event stream, {@code GET} on its
 * Location long-polls it, {@code DELETE} ends it). Errors are problem details ({@link WhipProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("${rtc.whep.path:/whep}/{streamId}/{sessionId}")
@Tag(name = "whep", description = "WHEP playback (draft-ietf-wish-whep)")
public class WhepExtensionsController {
    static final String LAYER_REL = "urn:ietf:params:whep:ext:core:layer";
    static final String EVENTS_REL = "urn:ietf:params:whep:ext:core:server-sent-events";

    private final WhipSessions sessions;
    private final WhepEventStreams events;

    public WhepExtensionsController(WhipSessions sessions, WhepEventStreams events) {
        this.sessions = sessions;
        this.events = events;
    }

    /** The Link values that announce both extensions of the session at {@code session}. */
    static List<String> links(URI session) {
        return List.of("<" + session + "/layer>; rel=\"" + LAYER_REL + "\"",
                "<" + session + "/sse>; rel=\"" + EVENTS_REL + "\"; events=\""
                        + String.join(",", WhepEventStreams.EVENTS) + "\"");
    }

    @PostMapping(path = "/layer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "whepSelectLayer", summary = "Choose the forwarded video layer (WHEP layer extension)",
            description = "A rid (or encodingId) and temporal layer fix the layer; a body without them returns the "
                    + "choice to the viewer's bandwidth estimate. The layers come in the `layers` event.")
    @ApiResponse(responseCode = "200", description = "The layer is forwarded from its next keyframe")
    @ApiResponse(responseCode = "404", description = "No such session")
    @ApiResponse(responseCode = "422", description = "No such layer, or a constraint the server cannot honour")
    public ResponseEntity<Void> selectLayer(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestBody LayerRequest request) {
        ViewerLayers.select(sessions.viewer(sessionId), request);
        return ResponseEntity.ok().build();
    }

    @PostMapping(path = "/sse")
    @Operation(operationId = "whepCreateEventStream", summary = "Create a server-sent event stream (WHEP extension)",
            description = "The body, a JSON array, names the events wanted among active, inactive and layers; "
                    + "none: all of them.")
    @ApiResponse(responseCode = "201", description = "Created; long-poll the Location with GET",
            headers = @Header(name = "Location", description = "URL of the event stream",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such session")
    @ApiResponse(responseCode = "422", description = "An event type the resource does not announce")
    public ResponseEntity<Void> createEventStream(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestBody(required = false) List<String> wanted) {
        String id = events.create(sessionId, wanted);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).build();
    }

    @GetMapping(path = "/sse/{eventStreamId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "whepPollEvents", summary = "Long-poll an event stream (WHATWG server-sent events)")
    @ApiResponse(responseCode = "200", description = "Events, each with its JSON data on one line",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such event stream",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    public SseEmitter pollEvents(@PathVariable String streamId, @PathVariable String sessionId,
            @PathVariable String eventStreamId) {
        return events.poll(sessionId, eventStreamId);
    }

    @DeleteMapping("/sse/{eventStreamId}")
    @Operation(operationId = "whepDeleteEventStream", summary = "End an event stream")
    @ApiResponse(responseCode = "200", description = "Ended")
    @ApiResponse(responseCode = "404", description = "No such event stream")
    public ResponseEntity<Void> deleteEventStream(@PathVariable String streamId, @PathVariable String sessionId,
            @PathVariable String eventStreamId) {
        events.delete(sessionId, eventStreamId);
        return ResponseEntity.ok().build();
    }
}
