package io.jrtc.spring.autoconfigure.whip;

import io.jrtc.spring.autoconfigure.security.RtcClients;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * WHEP playback (draft-ietf-wish-whep): {@code POST {rtc.whep.path}/{streamId}} with a viewer's SDP offer plays a
 * stream published through WHIP (404 when it is not), and the session resource it creates takes trickle-ICE
 * PATCHes and DELETE. Errors are problem details
 * ({@link WhipProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("${rtc.whep.path:/whep}")
@Tag(name = "whep", description = "WHEP playback (draft-ietf-wish-whep)")
public class WhepController {
    private final WhipSessions sessions;
    private final IceServerLinks links;

    public WhepController(WhipSessions sessions, IceServerLinks links) {
        this.sessions = sessions;
        this.links = links;
    }

    @PostMapping(path = "/{streamId}", consumes = WhipResponses.APPLICATION_SDP)
    @Operation(operationId = "whepPlay", summary = "Play a published stream to an SDP offer (WHEP)")
    @ApiResponse(responseCode = "201", description = "The SDP answer with every server candidate",
            content = @Content(mediaType = WhipResponses.APPLICATION_SDP, schema = @Schema(type = "string")),
            headers = {
            @Header(name = "Location", description = "URL of the WHEP session", schema = @Schema(type = "string")),
            @Header(name = "ETag", description = "Entity tag of the ICE session", schema = @Schema(type = "string")),
            @Header(name = "Link", description = "ICE servers (rel=\"ice-server\"), the layer selection and "
                    + "server-sent events extensions (rel=\"urn:ietf:params:whep:ext:core:layer\", "
                    + "rel=\"urn:ietf:params:whep:ext:core:server-sent-events\")", schema = @Schema(type = "string"))
    })
    @ApiResponse(responseCode = "404", description = "The stream is not published")
    @ApiResponse(responseCode = "429", description = "At a per-client limit; see Retry-After")
    @ApiResponse(responseCode = "307", description = "Cluster mode: this node is full or draining; POST the same"
            + " offer to the Location, another node with room",
            headers = @Header(name = "Location", description = "The node to ask", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "At the connection limit, or in cluster mode no node has room"
            + " (problem type no-room); see Retry-After")
    public ResponseEntity<String> play(@PathVariable String streamId, @RequestBody String offer,
            HttpServletRequest request) {
        return WhipResponses.created(sessions.play(streamId, offer, RtcClients.of(request)), links,
                WhepExtensionsController::links);
    }

    @RequestMapping(path = "/{streamId}", method = RequestMethod.OPTIONS)
    @Operation(operationId = "whepOptions", summary = "What the WHEP endpoint accepts")
    @ApiResponse(responseCode = "204", description = "Accept-Post: application/sdp")
    public ResponseEntity<Void> options(@PathVariable String streamId) {
        return WhipResponses.endpointOptions();
    }

    @PatchMapping(path = "/{streamId}/{sessionId}", consumes = TrickleIceFragment.MEDIA_TYPE)
    @Operation(operationId = "whepTrickle", summary = "Add remote candidates or restart ICE (RFC 8840 fragment)")
    @ApiResponse(responseCode = "204", description = "Candidates added")
    @ApiResponse(responseCode = "200", description = "ICE restarted: the server's new credentials and candidates",
            content = @Content(mediaType = TrickleIceFragment.MEDIA_TYPE, schema = @Schema(type = "string")),
            headers = @Header(name = "ETag", description = "Entity tag of the new ICE session",
                    schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No such session")
    @ApiResponse(responseCode = "412", description = "If-Match does not name the current ICE session")
    @ApiResponse(responseCode = "422", description = "New ICE credentials without a password")
    public ResponseEntity<String> trickle(@PathVariable String streamId, @PathVariable String sessionId,
            @RequestBody String fragment,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return WhipResponses.patched(sessions.patch(WhipSessions.Kind.WHEP, sessionId, ifMatch, fragment));
    }

    @RequestMapping(path = "/{streamId}/{sessionId}", method = RequestMethod.OPTIONS)
    @Operation(operationId = "whepSessionOptions", summary = "What the WHEP session accepts")
    @ApiResponse(responseCode = "204", description = "Accept-Patch: application/trickle-ice-sdpfrag")
    public ResponseEntity<Void> sessionOptions(@PathVariable String streamId, @PathVariable String sessionId) {
        return WhipResponses.sessionOptions();
    }

    @DeleteMapping("/{streamId}/{sessionId}")
    @Operation(operationId = "whepStop", summary = "End the WHEP session")
    @ApiResponse(responseCode = "200", description = "Ended")
    @ApiResponse(responseCode = "404", description = "No such session")
    public ResponseEntity<Void> stop(@PathVariable String streamId, @PathVariable String sessionId) {
        sessions.delete(WhipSessions.Kind.WHEP, sessionId);
        return ResponseEntity.ok().build();
    }
}
