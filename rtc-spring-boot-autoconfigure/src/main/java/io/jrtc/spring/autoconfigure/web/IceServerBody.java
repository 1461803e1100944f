package io.jrtc.spring.autoconfigure.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One STUN/TURN server in a request (W3C RTCIceServer). */
@Schema(name = "IceServer", description = "A STUN or TURN server (W3C RTCIceServer)")
public record IceServerBody(
        @Schema(description = "stun:, turn: or turns: URLs", example = "[\"stun:stun.example.org:3478\"]")
        List<String> urls,
        @Schema(description = "TURN user name") String username,
        @Schema(description = "TURN password") String credential) {
}
