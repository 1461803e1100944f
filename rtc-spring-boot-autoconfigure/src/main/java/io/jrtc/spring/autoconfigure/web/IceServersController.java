package io.jrtc.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.service.TurnCredentials;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ICE servers a client should use to reach this service: the configured STUN servers and, when a TURN server
 * shares a secret with the service ({@code rtc.turn.*}), that TURN server with credentials issued for this request.
 * Configured TURN servers with static passwords are not handed out. The JSON is W3C's {@code iceServers} shape, so
 * a browser passes it to {@code new RTCPeerConnection(...)} as it is.
 */
@RestController
@RtcApi
@Tag(name = "ice-servers", description = "STUN and TURN servers for clients")
public class IceServersController {
    private final List<RTCIceServer> configured;
    private final TurnCredentials turn;

    /**
     * @param configured the service's own ICE servers (rtc.ice-servers); only their STUN URLs are passed on
     * @param turn       issues TURN credentials, or null when no TURN server shares a secret with the service
     */
    public IceServersController(List<RTCIceServer> configured, TurnCredentials turn) {
        this.configured = List.copyOf(configured);
        this.turn = turn;
    }

    /** The response body. */
    @Schema(name = "IceServers")
    public record IceServersView(List<IceServerBody> iceServers) {
    }

    @GetMapping(path = "${rtc.rest.base-path:/api/rtc}/ice-servers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getIceServers", summary = "STUN and TURN servers for a client, with fresh TURN "
            + "credentials")
    public ResponseEntity<IceServersView> iceServers() {
        List<IceServerBody> servers = new ArrayList<>();
        for (RTCIceServer server : configured) {
            List<String> stun = server.urls().stream().filter(url -> url.regionMatches(true, 0, "stun", 0, 4))
                    .toList();
            if (!stun.isEmpty()) {
                servers.add(new IceServerBody(stun, null, null));
            }
        }
        if (turn != null) {
            RTCIceServer issued = turn.issue(null);
            servers.add(new IceServerBody(issued.urls(), issued.username(), issued.credential()));
        }
        // Credentials must not be cached by intermediaries, nor outlive their validity in a client's cache.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new IceServersView(servers));
    }
}
