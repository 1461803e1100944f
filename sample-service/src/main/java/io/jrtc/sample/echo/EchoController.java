package io.jrtc.sample.echo;

import java.net.URI;
import java.util.List;

import io.jrtc.media.video.VideoCodecs;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.spring.autoconfigure.security.RtcClients;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.UnknownPeerConnectionException;
import io.jrtc.spring.autoconfigure.web.RtcApi;
import io.jrtc.spring.autoconfigure.whip.TrickleIceFragment;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An echo with WHIP signalling (RFC 9725): every data-channel message and every audio and video track the client
 * sends comes back to it ({@link EchoSessions}, {@link MediaEcho}), video optionally through a transform
 * ({@code ?video-transform=grayscale}, {@code flip} or {@code edges}: decoded, transformed and encoded again). POST an SDP offer, get 201 with the session's
 * Location, an ETag and the answer carrying every server candidate; PATCH the session with trickle-ICE fragments (RFC 8840);
 * DELETE it. Errors are problem details ({@link RtcApi}).
 */
@RestController
@RtcApi
@RequestMapping("/echo")
@Tag(name = "echo", description = "Data-channel echo with WHIP (RFC 9725) signalling")
public class EchoController {
    static final String APPLICATION_SDP = "application/sdp";

    private final PeerConnectionService service;
    private final EchoSessions sessions;

    public EchoController(PeerConnectionService service, EchoSessions sessions) {
        this.service = service;
        this.sessions = sessions;
    }

    @PostMapping(consumes = APPLICATION_SDP, produces = APPLICATION_SDP)
    @Operation(operationId = "startEcho", summary = "Start an echo session from an SDP offer (WHIP)")
    @ApiResponse(responseCode = "201", description = "The SDP answer with every server candidate", headers = {
            @Header(name = "Location", description = "URL of the session", schema = @Schema(type = "string")),
            @Header(name = "ETag", description = "Entity tag of the ICE session", schema = @Schema(type = "string"))
    })
    @ApiResponse(responseCode = "400", description = "Malformed SDP or an unknown video-transform")
    @ApiResponse(responseCode = "429", description = "At a per-client limit; see Retry-After")
    @ApiResponse(responseCode = "501", description = "A video-transform, and no video codecs on this server")
    public ResponseEntity<String> start(@RequestBody String offer,
            @RequestParam(name = "video-transform", required = false)
            @Parameter(description = "Echo the video through a transform: "
                    + "grayscale, flip (vertical) or edges") String videoTransform,
            HttpServletRequest request) {
        service.checkSdpSize(offer);
        VideoTransform transform = transform(videoTransform);
        ManagedPeerConnection connection = service.create(null, RtcClients.of(request));
        try {
            String etag = sessions.start(connection);
            service.await(MediaEcho.answer(connection.peerConnection(),
                    new RTCSessionDescription(offer, RTCSdpType.OFFER), transform), "answering the offer");
            service.await(service.gatheringComplete(connection.id()), "gathering candidates");
            String answer = connection.peerConnection().getLocalDescription().sdp();
            URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                    .buildAndExpand(connection.id()).toUri();
            return ResponseEntity.created(location)
                    .eTag(etag)
                    .contentType(MediaType.parseMediaType(APPLICATION_SDP))
                    .body(answer);
        } catch (RuntimeException e) {
            sessions.end(connection.id());
            service.close(connection.id());
            throw e;
        }
    }

    @PostMapping
    @Hidden
    public void startUnsupported(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type)
            throws HttpMediaTypeNotSupportedException {
        throw new HttpMediaTypeNotSupportedException(type == null ? null : MediaType.parseMediaType(type),
                List.of(MediaType.parseMediaType(APPLICATION_SDP)));
    }

    @PatchMapping(path = "/{id}", consumes = TrickleIceFragment.MEDIA_TYPE)
    @Operation(operationId = "trickleEcho", summary = "Add remote candidates (trickle ICE, RFC 8840 fragment)")
    @ApiResponse(responseCode = "204", description = "Candidates added")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the session's ETag")
    public ResponseEntity<Void> trickle(@PathVariable String id, @RequestBody String fragment,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String etag = requireSession(id);
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(etag)) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
        }
        TrickleIceFragment parsed = TrickleIceFragment.parse(fragment);
        for (RTCIceCandidate candidate : parsed.candidates()) {
            service.await(service.addRemoteCandidate(id, candidate), "adding a candidate");
        }
        if (parsed.endOfCandidates()) {
            service.await(service.addRemoteCandidate(id, null), "ending candidates");
        }
        return ResponseEntity.noContent().build();
    }

    @PatchMapping(path = "/{id}")
    @Hidden
    public void trickleUnsupported(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String type)
            throws HttpMediaTypeNotSupportedException {
        requireSession(id);
        throw new HttpMediaTypeNotSupportedException(type == null ? null : MediaType.parseMediaType(type),
                List.of(MediaType.parseMediaType(TrickleIceFragment.MEDIA_TYPE)));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "stopEcho", summary = "End the echo session")
    @ApiResponse(responseCode = "200", description = "Ended")
    public ResponseEntity<Void> stop(@PathVariable String id) {
        requireSession(id);
        sessions.end(id);
        service.await(service.close(id), "closing");
        return ResponseEntity.ok().build();
    }

    private static VideoTransform transform(String name) {
        if (name == null) {
            return null;
        }
        VideoTransform transform = VideoTransform.byName(name);
        if (transform == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown video-transform \"" + name
                    + "\": grayscale, flip or edges");
        }
        if (!VideoCodecs.available()) {
            throw new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED, "video transforms need "
                    + VideoCodecs.DEPENDENCY + ", which this server lacks");
        }
        return transform;
    }

    private String requireSession(String id) {
        String etag = sessions.etag(id);
        if (etag == null) {
            throw new UnknownPeerConnectionException(id);
        }
        return etag;
    }
}
