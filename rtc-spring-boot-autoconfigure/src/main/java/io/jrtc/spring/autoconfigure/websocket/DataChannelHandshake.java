package io.jrtc.spring.autoconfigure.websocket;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.spring.autoconfigure.service.ManagedDataChannel;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.UnknownDataChannelException;
import io.jrtc.spring.autoconfigure.service.UnknownPeerConnectionException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import tools.jackson.databind.json.JsonMapper;

/**
 * Before the upgrade: finds the channel the path names and claims it for this WebSocket, or answers as the REST
 * API would (problem+json): 404 for an unknown connection or channel, 409 for a channel that is not open or is
 * already bridged. Authentication happened before, in the REST API's filter (this path is under its base path).
 */
final class DataChannelHandshake implements HandshakeInterceptor {
    static final String CHANNEL = DataChannelHandshake.class.getName() + ".channel";

    private final PeerConnectionService service;
    private final JsonMapper jsonMapper;

    DataChannelHandshake(PeerConnectionService service, JsonMapper jsonMapper) {
        this.service = service;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
            WebSocketHandler handler, Map<String, Object> attributes) {
        // .../peer-connections/{id}/data-channels/{channelId}/websocket
        List<String> segments = List.of(request.getURI().getPath().split("/"));
        int n = segments.size();
        if (n < 5) {
            return refuse(request, response, HttpStatus.NOT_FOUND, "unknown-data-channel", "Unknown data channel",
                    "no data channel in this path");
        }
        String id = segments.get(n - 4);
        String channelId = segments.get(n - 2);
        ManagedDataChannel channel;
        try {
            channel = service.dataChannel(id, channelId);
        } catch (UnknownPeerConnectionException e) {
            return refuse(request, response, HttpStatus.NOT_FOUND, "unknown-peer-connection",
                    "Unknown peer connection", e.getMessage());
        } catch (UnknownDataChannelException e) {
            return refuse(request, response, HttpStatus.NOT_FOUND, "unknown-data-channel", "Unknown data channel",
                    e.getMessage());
        }
        RTCDataChannelState state = channel.channel().getReadyState();
        if (state != RTCDataChannelState.OPEN) {
            return refuse(request, response, HttpStatus.CONFLICT, "data-channel-not-open", "Data channel not open",
                    "Data channel '" + channelId + "' is " + state + ", not open");
        }
        if (!channel.claimBridge()) {
            return refuse(request, response, HttpStatus.CONFLICT, "data-channel-bridged",
                    "Data channel already bridged", "Data channel '" + channelId + "' already has a WebSocket");
        }
        attributes.put(CHANNEL, channel);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // The claim is released when the WebSocket closes; a failed upgrade never opens one.
        if (exception != null) {
            String[] segments = request.getURI().getPath().split("/");
            try {
                service.dataChannel(segments[segments.length - 4], segments[segments.length - 2]).releaseBridge();
            } catch (RuntimeException ignored) {
                // Gone already: nothing to release.
            }
        }
    }

    private boolean refuse(ServerHttpRequest request, ServerHttpResponse response, HttpStatus status, String type,
            String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:jrtc:problem:" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getURI().getPath());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        try {
            response.getBody().write(jsonMapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            // The client went away; the status is set regardless.
        }
        return false;
    }
}
