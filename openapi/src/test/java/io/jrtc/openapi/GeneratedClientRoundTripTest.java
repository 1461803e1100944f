package io.jrtc.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.jrtc.openapi.client.ApiClient;
import io.jrtc.openapi.client.ApiException;
import io.jrtc.openapi.client.api.PeerConnectionsApi;
import io.jrtc.openapi.client.model.CreateDataChannel;
import io.jrtc.openapi.client.model.CreatePeerConnection;
import io.jrtc.openapi.client.model.DataChannel;
import io.jrtc.openapi.client.model.DataChannelMessage;
import io.jrtc.openapi.client.model.IceCandidate;
import io.jrtc.openapi.client.model.LocalCandidates;
import io.jrtc.openapi.client.model.PeerConnection;
import io.jrtc.openapi.client.model.SessionDescription;
import io.jrtc.openapi.client.model.UpdateDataChannel;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.sample.SampleServiceApplication;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The client generated from openapi.yaml drives the sample service, with a real Java peer on the other side:
 * create, offer/answer, trickle candidates both ways, data channels (by channelId, a WebSocket bridge and posted
 * messages), stats, delete.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=200ms",
                "rtc.udp.port=0", "rtc.tcp.port=0" })
class GeneratedClientRoundTripTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    private PeerConnectionsApi api;
    private RtcEngine clientEngine;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        api = new PeerConnectionsApi(client);
        clientEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    }

    @AfterEach
    void close() {
        clientEngine.close();
    }

    @Test
    void aJavaPeerConnectsThroughTheRestApiWithTrickledCandidates() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        List<RTCIceCandidate> clientCandidates = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> clientGathered = new CompletableFuture<>();
        client.onIceCandidate(candidate -> {
            if (candidate == null) {
                clientGathered.complete(null);
            } else {
                clientCandidates.add(candidate);
            }
        });
        RTCDataChannel channel = client.createDataChannel("chat");
        CompletableFuture<Void> open = new CompletableFuture<>();
        channel.onOpen(() -> open.complete(null));

        PeerConnection created = api.createPeerConnection(new CreatePeerConnection());
        String id = created.getId();
        assertThat(created.getConnectionState()).isEqualTo("new");

        // Trickle: the offer goes out before gathering ends; candidates follow one by one.
        client.setLocalDescription(client.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        SessionDescription answer = api.acceptOffer(id,
                new SessionDescription().type("offer").sdp(client.getLocalDescription().sdp()), false);
        assertThat(answer.getType()).isEqualTo("answer");
        client.setRemoteDescription(new RTCSessionDescription(answer.getSdp(), RTCSdpType.ANSWER))
                .get(10, TimeUnit.SECONDS);

        clientGathered.get(10, TimeUnit.SECONDS);
        for (RTCIceCandidate candidate : clientCandidates) {
            api.addRemoteCandidate(id, new IceCandidate().candidate(candidate.getCandidate())
                    .sdpMid(candidate.getSdpMid()).sdpMLineIndex(candidate.getSdpMLineIndex()));
        }
        api.addRemoteCandidate(id, new IceCandidate());

        await().atMost(TIMEOUT).until(() -> api.getLocalCandidates(id).getGatheringComplete());
        LocalCandidates serverCandidates = api.getLocalCandidates(id);
        assertThat(serverCandidates.getCandidates()).isNotEmpty();
        for (IceCandidate candidate : serverCandidates.getCandidates()) {
            client.addIceCandidate(new RTCIceCandidate(candidate.getCandidate(), candidate.getSdpMid(),
                    candidate.getSdpMLineIndex(), candidate.getUsernameFragment())).get(10, TimeUnit.SECONDS);
        }

        open.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        await().atMost(TIMEOUT).until(() -> "connected".equals(api.getPeerConnection(id).getConnectionState()));
        assertThat(client.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        channel.send("hello over REST signalling");

        PeerConnection connected = api.getPeerConnection(id);
        assertThat(connected.getSignalingState()).isEqualTo("stable");
        assertThat(connected.getLocalDescription().getType()).isEqualTo("answer");
        assertThat(connected.getRemoteDescription().getType()).isEqualTo("offer");
        await().atMost(TIMEOUT).until(() -> !api.getPeerConnection(id).getDataChannels().isEmpty());
        exchangeMessages(id, client, channel);
        Map<String, Map<String, Object>> stats = api.getStats(id);
        assertThat(stats.values()).anySatisfy(report -> assertThat(report).containsEntry("type", "transport"));

        api.deletePeerConnection(id);
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> api.getPeerConnection(id))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo(404));
        await().atMost(TIMEOUT).until(() -> client.getConnectionState() != RTCPeerConnectionState.CONNECTED);
        client.close().get(5, TimeUnit.SECONDS);
    }

    /**
     * The data channels by their channelId: the client's own channel bridged to a WebSocket, a server-opened one
     * fed by POST messages (JSON, as the generated client sends them), message events switched on, closed by REST.
     */
    private void exchangeMessages(String id, RTCPeerConnection client, RTCDataChannel clientChannel)
            throws Exception {
        DataChannel chat = api.listDataChannels(id).get(0);
        assertThat(chat.getLabel()).isEqualTo("chat");
        assertThat(chat.getChannelId()).isEqualTo("dc-1");
        assertThat(api.getDataChannel(id, "dc-1").getReadyState()).isEqualTo("open");

        BlockingQueue<String> atClient = new LinkedBlockingQueue<>();
        clientChannel.onMessage(message -> atClient.add(message.text()));
        BlockingQueue<CharSequence> atWebSocket = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + port + "/api/rtc/peer-connections/" + id
                        + "/data-channels/dc-1/websocket"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        atWebSocket.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("from the WebSocket", true).get(10, TimeUnit.SECONDS);
        assertThat(atClient.poll(20, TimeUnit.SECONDS)).isEqualTo("from the WebSocket");
        clientChannel.send("from the peer");
        assertThat(atWebSocket.poll(20, TimeUnit.SECONDS)).hasToString("from the peer");

        BlockingQueue<RTCDataChannel> announced = new LinkedBlockingQueue<>();
        client.onDataChannel(announced::add);
        DataChannel server = api.createDataChannel(id, new CreateDataChannel().label("server"));
        assertThat(server.getChannelId()).isEqualTo("dc-2");
        RTCDataChannel atPeer = announced.poll(20, TimeUnit.SECONDS);
        BlockingQueue<RTCDataChannelMessage> received = new LinkedBlockingQueue<>();
        atPeer.onMessage(received::add);
        await().atMost(TIMEOUT).until(() -> "open".equals(api.getDataChannel(id, "dc-2").getReadyState()));
        api.sendDataChannelMessage(id, "dc-2", new DataChannelMessage().text("posted text"));
        api.sendDataChannelMessage(id, "dc-2", new DataChannelMessage().binary(new byte[] { 4, 5, 6 }));
        RTCDataChannelMessage text = received.poll(20, TimeUnit.SECONDS);
        assertThat(text.binary()).isFalse();
        assertThat(text.text()).isEqualTo("posted text");
        RTCDataChannelMessage binary = received.poll(20, TimeUnit.SECONDS);
        assertThat(binary.binary()).isTrue();
        assertThat(binary.data()).containsExactly(4, 5, 6);
        assertThat(api.updateDataChannel(id, "dc-2", new UpdateDataChannel().messageEvents(true))
                .getMessageEvents()).isTrue();

        api.closeDataChannel(id, "dc-2");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> api.getDataChannel(id, "dc-2"))
                .satisfies(e -> assertThat(e.getResponseBody()).contains("unknown-data-channel")));
        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> api.sendDataChannelMessage(id, "dc-2", new DataChannelMessage().text("late")))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo(404));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void errorsReachTheClientAsProblemDetails() {
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> api.getPeerConnection("pc-missing"))
                .satisfies(e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("urn:jrtc:problem:unknown-peer-connection");
                });
    }
}
