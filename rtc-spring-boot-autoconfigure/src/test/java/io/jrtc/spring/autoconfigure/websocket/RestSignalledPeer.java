package io.jrtc.spring.autoconfigure.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;

import com.jayway.jsonpath.JsonPath;

/**
 * A real jrtc peer connected to a REST-managed connection through the HTTP API only (create, offer as
 * application/sdp with every candidate, answer), plus the HTTP and WebSocket calls the tests make; without an
 * engine, only those calls (for a peer outside the JVM).
 */
final class RestSignalledPeer implements AutoCloseable {
    final HttpClient http = HttpClient.newHttpClient();
    final String base;
    final String token;
    final RTCPeerConnection pc;
    String id;

    RestSignalledPeer(RtcEngine engine, int port, String token) {
        this.base = "http://127.0.0.1:" + port + "/api/rtc/peer-connections";
        this.token = token;
        this.pc = engine == null ? null : engine.newPeerConnection(new RTCConfiguration());
    }

    /** Creates the server side and connects to it; call after the client's own channels are created. */
    void connect() throws Exception {
        HttpResponse<String> created = send("POST", "", null, (byte[]) null);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create answered " + created.statusCode() + ": " + created.body());
        }
        id = JsonPath.read(created.body(), "$.id");
        pc.setLocalDescription(pc.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        pc.gatheringComplete().get(10, TimeUnit.SECONDS);
        HttpResponse<String> answer = send("POST", "/" + id + "/offer?waitForGathering=true", "application/sdp",
                pc.getLocalDescription().sdp());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("offer answered " + answer.statusCode() + ": " + answer.body());
        }
        pc.setRemoteDescription(new RTCSessionDescription(answer.body(), RTCSdpType.ANSWER)).get(10,
                TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pc.getConnectionState() != RTCPeerConnectionState.CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not connected: " + pc.getConnectionState());
            }
            Thread.sleep(20);
        }
    }

    /** The channelId of the server's channel with this label, once it is listed open. */
    String openChannelId(String label) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            String list = send("GET", "/" + id + "/data-channels", null, (byte[]) null).body();
            java.util.List<String> ids = JsonPath.read(list, "$[?(@.label == '" + label
                    + "' && @.readyState == 'open')].channelId");
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no open channel labelled " + label);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        return send(method, path, contentType, body == null ? null
                : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String webSocketUrl(String channelId) {
        return base.replace("http://", "ws://") + "/" + id + "/data-channels/" + channelId + "/websocket";
    }

    CompletableFuture<WebSocket> webSocket(String channelId, WebSocket.Listener listener) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.buildAsync(URI.create(webSocketUrl(channelId)), listener);
    }

    static CompletableFuture<Void> opened(RTCDataChannel channel) {
        CompletableFuture<Void> open = new CompletableFuture<>();
        channel.onOpen(() -> open.complete(null));
        if (channel.getReadyState() == io.jrtc.pc.RTCDataChannelState.OPEN) {
            open.complete(null);
        }
        return open;
    }

    @Override
    public void close() throws Exception {
        if (pc != null) {
            pc.close().get(5, TimeUnit.SECONDS);
        }
    }
}
