package io.jrtc.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.jrtc.openapi.client.ApiClient;
import io.jrtc.openapi.client.ApiException;
import io.jrtc.openapi.client.api.PeerConnectionsApi;
import io.jrtc.openapi.client.model.CreatePeerConnection;
import io.jrtc.openapi.client.model.IceCandidate;
import io.jrtc.openapi.client.model.LocalCandidates;
import io.jrtc.openapi.client.model.PeerConnection;
import io.jrtc.openapi.client.model.SessionDescription;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
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
 * create, offer/answer, trickle candidates both ways, data channel, stats, delete.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=200ms",
                "rtc.udp.port=0" })
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
        Map<String, Map<String, Object>> stats = api.getStats(id);
        assertThat(stats.values()).anySatisfy(report -> assertThat(report).containsEntry("type", "transport"));

        api.deletePeerConnection(id);
        assertThatExceptionOfType(ApiException.class).isThrownBy(() -> api.getPeerConnection(id))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo(404));
        await().atMost(TIMEOUT).until(() -> client.getConnectionState() != RTCPeerConnectionState.CONNECTED);
        client.close().get(5, TimeUnit.SECONDS);
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
