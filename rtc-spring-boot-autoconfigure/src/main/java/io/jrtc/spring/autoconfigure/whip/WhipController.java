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
 * WHIP ingest (RFC 9725): {@code POST {rtc.whip.path}/{streamId}} with an SDP offer publishes the stream, and the
 * session resource it creates takes trickle-ICE PATCHes and DELETE. Errors are problem details
 * ({@link WhipProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("${rtc.whip.path:/whip}")
@Tag(name = "whip", description = "WHIP ingest (RFC 9725)")
public class WhipController {
    private final WhipSessions sessions;
    private final IceServerLinks links;

    public WhipController(WhipSessions sessions, IceServerLinks links) {
        this.sessions = sessions;
        this.links = links;
    }

    @PostMapping(path = "/{streamId}", consumes = WhipResponses.APPLICATION_SDP)
    @Operation(operationId = "whipPublish", summary = "Publish a stream from an SDP offer (WHIP)")
    @ApiResponse(responseCode = "201", description = "The SDP answer with every server candidate",
            content = @Content(mediaType = WhipResponses.APPLICATION_SDP, schema = @Schema(type = "string")),
            headers = {
            @Header(name = "Location", description = "URL of the WHIP session", schema = @Schema(type = "string")),
            @Header(name = "ETag", description = "Entity tag of the ICE session", schema = @Schema(type = "string")),
            @Header(name = "Link", description = "ICE servers (rel=\"ice-server\")", schema = @Schema(type = "string"))
    })
    @ApiResponse(responseCode = "409", description = "The stream is already published")
    @ApiResponse(responseCode = "429", description = "At a per-client limit; see Retry-After")
    @ApiResponse(responseCode = "307", description = "Cluster mode: this node is full or draining; POST the same"
            + " offer to the Location, another node with room",
            headers = @Header(name = "Location", description = "The node to ask", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "503", description = "At the connection limit, or in cluster mode no node has room"
            + " (problem type no-room); see Retry-After")
    public ResponseEntity<String> publish(@PathVariable String streamId, @RequestBody String offer,
            HttpServletRequest request) {
        return WhipResponses.created(sessions.publish(streamId, offer, RtcClients.of(request)), links);
    }

    @RequestMapping(path = "/{streamId}", method = RequestMethod.OPTIONS)
    @Operation(operationId = "whipOptions", summary = "What the WHIP endpoint accepts")
    @ApiResponse(responseCode = "204", description = "Accept-Post: application/sdp")
    public ResponseEntity<Void> options(@PathVariable String streamId) {
        return WhipResponses.endpointOptions();
    }

    @PatchMapping(path = "/{streamId}/{sessionId}", consumes = TrickleIceFragment.MEDIA_TYPE)
    @Operation(operationId = "whipTrickle", summary = "Add remote candidates or restart ICE (RFC 8840 fragment)")
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
        return WhipResponses.patched(sessions.patch(WhipSessions.Kind.WHIP, sessionId, ifMatch, fragment));
    }

    @RequestMapping(path = "/{streamId}/{sessionId}", method = RequestMethod.OPTIONS)
    @Operation(operationId = "whipSessionOptions", summary = "What the WHIP session accepts")
    @ApiResponse(responseCode = "204", description = "Accept-Patch: application/trickle-ice-sdpfrag")
    public ResponseEntity<Void> sessionOptions(@PathVariable String streamId, @PathVariable String sessionId) {
        return WhipResponses.sessionOptions();
    }

    @DeleteMapping("/{streamId}/{sessionId}")
    @Operation(operationId = "whipStop", summary = "End the WHIP session and unpublish the stream")
    @ApiResponse(responseCode = "200", description = "Ended")
    @ApiResponse(responseCode = "404", description = "No such session")
    public ResponseEntity<Void> stop(@PathVariable String streamId, @PathVariable String sessionId) {
        sessions.delete(WhipSessions.Kind.WHIP, sessionId);
        return ResponseEntity.ok().build();
    }
}
