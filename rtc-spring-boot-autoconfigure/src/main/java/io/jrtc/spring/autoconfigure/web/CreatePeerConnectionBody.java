package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Optional body of POST /peer-connections. */
@Schema(name = "CreatePeerConnection")
public record CreatePeerConnectionBody(
        @Schema(description = "ICE servers for this connection instead of the configured rtc.ice-servers")
        List<IceServerBody> iceServers) {
}
