package io.jrtc.spring.autoconfigure.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.spring.autoconfigure.ClientIceServerProperties;
import io.jrtc.spring.autoconfigure.security.RtcClients;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Peer connections over REST: create one, exchange offer and answer (JSON or {@code application/sdp}), trickle
 * candidates both ways, read statistics, close ({@link DataChannelController} serves the data channels). Errors
 * are RFC 9457 problem details.
 */
@RestController
@RtcApi
@RequestMapping("${rtc.rest.base-path:/api/rtc}/peer-connections")
@Tag(name = "peer-connections", description = "WebRTC peer connections managed by the server")
public class PeerConnectionController {
    static final String APPLICATION_SDP = "application/sdp";

    private final PeerConnectionService service;
    private final ClientIceServerPolicy clientIceServers;

    /** A controller that takes no ICE servers from clients (the default of rtc.rest.client-ice-servers). */
    public PeerConnectionController(PeerConnectionService service) {
        this(service, new ClientIceServerPolicy(new ClientIceServerProperties()));
    }

    PeerConnectionController(PeerConnectionService service, ClientIceServerPolicy clientIceServers) {
        this.service = service;
        this.clientIceServers = clientIceServers;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createPeerConnection", summary = "Create a peer connection")
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "URL of the new peer connection",
                    schema = @Schema(type = "string")))
    public ResponseEntity<PeerConnectionView> create(@RequestBody(required = false) CreatePeerConnectionBody body,
            HttpServletRequest request) {
        ManagedPeerConnection connection = service.create(clientIceServers.servers(body), RtcClients.of(request));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(connection.id()).toUri();
        return ResponseEntity.created(location).body(PeerConnectionView.of(connection));
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listPeerConnections", summary = "List the open peer connections")
    public List<PeerConnectionView> list() {
        return service.list().stream().map(PeerConnectionView::of).toList();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPeerConnection", summary = "One peer connection's states and descriptions")
    public PeerConnectionView get(@PathVariable String id) {
        return PeerConnectionView.of(service.get(id));
    }

    @PostMapping(path = "/{id}/offer", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "acceptOffer", summary = "Apply the remote offer and return the server's answer",
            description = "Send the offer as JSON {type, sdp} to get JSON back, or as application/sdp to get "
                    + "application/sdp back. With waitForGathering=true the answer carries every local candidate.")
    public SessionDescriptionBody acceptOffer(@PathVariable String id,
            @RequestBody SessionDescriptionBody offer,
            @Parameter(description = "Wait until ICE gathering is complete before answering")
            @RequestParam(defaultValue = "false") boolean waitForGathering) {
        return SessionDescriptionBody.of(answer(id, offer.toDescription(RTCSdpType.OFFER), waitForGathering));
    }

    @PostMapping(path = "/{id}/offer", consumes = APPLICATION_SDP, produces = APPLICATION_SDP)
    @Operation(operationId = "acceptOfferSdp", summary = "Apply the remote offer (application/sdp) and return the "
            + "server's answer (application/sdp)")
    public String acceptOfferSdp(@PathVariable String id, @RequestBody String offer,
            @RequestParam(defaultValue = "false") boolean waitForGathering) {
        return answer(id, new RTCSessionDescription(offer, RTCSdpType.OFFER), waitForGathering).sdp();
    }

    @PostMapping(path = "/{id}/offer")
    @Hidden
    public void acceptOfferUnsupported(@PathVariable String id,
            @RequestHeader(name = "Content-Type", required = false) String contentType)
            throws HttpMediaTypeNotSupportedException {
        throw unsupported(contentType);
    }

    private RTCSessionDescription answer(String id, RTCSessionDescription offer, boolean waitForGathering) {
        RTCSessionDescription answer = service.await(service.acceptOffer(id, offer), "answering the offer");
        if (!waitForGathering) {
            return answer;
        }
        service.await(service.gatheringComplete(id), "gathering candidates");
        return service.get(id).peerConnection().getLocalDescription();
    }

    @PostMapping(path = "/{id}/create-offer", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createOffer", summary = "Make the server's offer and set it as local description")
    public SessionDescriptionBody createOffer(@PathVariable String id,
            @Parameter(description = "Wait until ICE gathering is complete before returning the offer")
            @RequestParam(defaultValue = "false") boolean waitForGathering) {
        RTCSessionDescription offer = service.await(service.createOffer(id), "creating an offer");
        if (waitForGathering) {
            service.await(service.gatheringComplete(id), "gathering candidates");
            offer = service.get(id).peerConnection().getLocalDescription();
        }
        return SessionDescriptionBody.of(offer);
    }

    @PostMapping(path = "/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "acceptAnswer", summary = "Apply the remote answer to the server's offer")
    @ApiResponse(responseCode = "204", description = "Applied")
    public void acceptAnswer(@PathVariable String id, @RequestBody SessionDescriptionBody answer) {
        service.await(service.acceptAnswer(id, answer.toDescription(RTCSdpType.ANSWER, RTCSdpType.PRANSWER)),
                "applying the answer");
    }

    @PostMapping(path = "/{id}/answer", consumes = APPLICATION_SDP)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "acceptAnswerSdp", summary = "Apply the remote answer (application/sdp)")
    @ApiResponse(responseCode = "204", description = "Applied")
    public void acceptAnswerSdp(@PathVariable String id, @RequestBody String answer) {
        service.await(service.acceptAnswer(id, new RTCSessionDescription(answer, RTCSdpType.ANSWER)),
                "applying the answer");
    }

    @PostMapping(path = "/{id}/answer")
    @Hidden
    public void acceptAnswerUnsupported(@PathVariable String id,
            @RequestHeader(name = "Content-Type", required = false) String contentType)
            throws HttpMediaTypeNotSupportedException {
        throw unsupported(contentType);
    }

    @PostMapping(path = "/{id}/candidates", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "addRemoteCandidate", summary = "Add a remote ICE candidate",
            description = "A candidate of null or \"\" signals the end of remote candidates.")
    @ApiResponse(responseCode = "204", description = "Added")
    public void addCandidate(@PathVariable String id, @RequestBody IceCandidateBody candidate) {
        service.await(service.addRemoteCandidate(id, candidate.toCandidate()), "adding the candidate");
    }

    @PostMapping(path = "/{id}/candidates")
    @Hidden
    public void addCandidateUnsupported(@PathVariable String id,
            @RequestHeader(name = "Content-Type", required = false) String contentType)
            throws HttpMediaTypeNotSupportedException {
        throw unsupported(contentType);
    }

    @GetMapping(path = "/{id}/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getLocalCandidates", summary = "The local candidates gathered so far")
    public LocalCandidatesView localCandidates(@PathVariable String id) {
        ManagedPeerConnection connection = service.get(id);
        boolean complete = connection.isGatheringComplete();
        List<IceCandidateBody> candidates = connection.localCandidates().stream().map(IceCandidateBody::of).toList();
        return new LocalCandidatesView(candidates, complete);
    }

    @GetMapping(path = "/{id}/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getStats", summary = "W3C statistics of the connection, by stats id")
    public Map<String, Map<String, Object>> stats(@PathVariable String id) {
        RTCStatsReport report = service.await(service.stats(id), "collecting statistics");
        Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
        for (Map.Entry<String, RTCStats> entry : report.entrySet()) {
            stats.put(entry.getKey(), entry.getValue().toMap());
        }
        return stats;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deletePeerConnection", summary = "Close the connection and release its ports")
    @ApiResponse(responseCode = "204", description = "Closed")
    public void delete(@PathVariable String id) {
        service.await(service.close(id), "closing");
    }

    private static HttpMediaTypeNotSupportedException unsupported(String contentType) {
        MediaType given = null;
        try {
            given = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (RuntimeException ignored) {
            // An unparsable Content-Type is as unsupported as a wrong one.
        }
        return new HttpMediaTypeNotSupportedException(given,
                List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType(APPLICATION_SDP)));
    }
}
