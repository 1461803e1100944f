package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jrtc's WHIP and WHEP clients against an endpoint of another stack: aiortc behind Python's HTTP server. */
class WhipWhepClientAiortcTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOKEN = "s3cret-token";
    private static RtcEngine engine;
    private static AiortcWhipEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        engine = RtcEngine.create(RtcEngineSettings.defaults());
        endpoint = new AiortcWhipEndpoint(TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        if (endpoint != null) {
            endpoint.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void publishesAudioThatAiortcDecodesTricklingCandidatesAndDeletesOnClose() throws Exception {
        WhipClient whip = WhipClient.builder(endpoint.url("whip/tone")).bearerToken(TOKEN).build();
        long framesBefore = endpoint.stat("audio_frames");
        long deletesBefore = endpoint.stat("deletes");
        ToneAudioTrack tone = new ToneAudioTrack(440, 8000);
        SignalingSession session = whip.publish(config -> {
            RTCPeerConnection pc = engine.newPeerConnection(config);
            pc.addTransceiver(tone, RTCRtpTransceiverDirection.SENDONLY);
            return pc;
        }).get(30, TimeUnit.SECONDS);
        try {
            assertThat(session.url().getPath()).startsWith("/whip/tone/");
            assertThat(session.etag()).isNotBlank();
            assertThat(session.iceServers()).extracting(server -> server.urls().get(0))
                    .containsExactly("stun:198.18.0.1:3478");
            await().atMost(WAIT).until(() -> session.peerConnection().getConnectionState()
                    == RTCPeerConnectionState.CONNECTED);
            await().atMost(WAIT).until(() -> endpoint.stat("audio_frames") >= framesBefore + 50);
            // Candidates gathered after the POST went by PATCH, ending with end-of-candidates.
            session.trickled().get(10, TimeUnit.SECONDS);
            assertThat(endpoint.stat("end_of_candidates")).isPositive();
        } finally {
            tone.stop();
            session.closeAsync().get(10, TimeUnit.SECONDS);
        }
        assertThat(endpoint.stat("deletes")).isEqualTo(deletesBefore + 1);
        assertThat(session.peerConnection().getConnectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    }

    @Test
    void playsAiortcsVideoThroughWhepAfterARedirect() throws Exception {
        WhepClient whep = WhepClient.builder(endpoint.url("moved/whep/pattern")).bearerToken(TOKEN)
                .trickle(false).build();
        SignalingSession session = whep.play(engine::newPeerConnection).get(30, TimeUnit.SECONDS);
        try {
            assertThat(session.url().getPath()).startsWith("/whep/pattern/");
            assertThat(session.offer()).contains("a=candidate:");
            MediaStreamTrack video = receiver(session.peerConnection(), MediaKind.VIDEO);
            for (int i = 0; i < 30; i++) {
                EncodedFrame frame = (EncodedFrame) video.recv().get(30, TimeUnit.SECONDS);
                assertThat(frame.data()).isNotEmpty();
            }
        } finally {
            session.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingTokenSurfacesTheEndpointsProblemDetailsAndClosesTheConnection() {
        WhipClient whip = WhipClient.builder(endpoint.url("whip/denied")).build();
        AtomicReference<RTCPeerConnection> made = new AtomicReference<>();
        assertThatThrownBy(() -> whip.publish(config -> {
            RTCPeerConnection pc = engine.newPeerConnection(config);
            pc.addTransceiver(new ToneAudioTrack(440, 8000), RTCRtpTransceiverDirection.SENDONLY);
            made.set(pc);
            return pc;
        }).join()).isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(HttpSignalingException.class, refused -> {
                    assertThat(refused.getStatus()).isEqualTo(401);
                    assertThat(refused.getTitle()).isEqualTo("Unauthorized");
                    assertThat(refused.getDetail()).contains("aiortc endpoint");
                });
        await().atMost(WAIT).until(() -> made.get().getConnectionState() == RTCPeerConnectionState.CLOSED);
    }

    @Test
    void iceServersAnnouncedToOptionsReachTheConnectionsConfiguration() throws Exception {
        AtomicReference<List<RTCIceServer>> configured = new AtomicReference<>();
        WhepClient whep = WhepClient.builder(endpoint.url("whep/pattern")).bearerToken(TOKEN)
                .iceServersFromOptions(true).build();
        SignalingSession session = whep.play(config -> {
            configured.set(config.getIceServers());
            // The announced servers are not reachable from the test namespace: connect without them.
            return engine.newPeerConnection(new RTCConfiguration());
        }).get(30, TimeUnit.SECONDS);
        session.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(configured.get()).hasSize(2);
        assertThat(configured.get().get(1).urls()).containsExactly("turn:198.18.0.1:3478?transport=udp");
        assertThat(configured.get().get(1).username()).isEqualTo("user");
        assertThat(configured.get().get(1).credential()).isEqualTo("pass");
    }

    private static MediaStreamTrack receiver(RTCPeerConnection pc, MediaKind kind) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            if (transceiver.getReceiver().getTrack().getKind() == kind) {
                return transceiver.getReceiver().getTrack();
            }
        }
        throw new AssertionError("no " + kind + " receiver");
    }
}
