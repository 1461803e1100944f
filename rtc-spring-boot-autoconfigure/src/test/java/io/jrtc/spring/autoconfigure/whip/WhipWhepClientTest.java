package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RtcEngine;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * jrtc's WHIP and WHEP clients (rtc-core, {@code io.jrtc.whip}) against our own server over real HTTP: publish,
 * play, trickle, ICE restart through PATCH, a 307 on the POST, tokens, problem details and DELETE.
 */
@SpringBootTest(classes = WhipTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.whip.token=publish-secret", "rtc.whep.token=play-secret",
                "rtc.limits.client.creates-per-second-per-address=1000" })
class WhipWhepClientTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    RtcEngine engine;

    @Autowired
    StreamRegistry streams;

    @Test
    void publishesPlaysRestartsIceAndUnpublishesOnClose() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            SignalingSession published = WhipClient.builder(url("/whip/client-cam")).bearerToken("publish-secret")
                    .build().publish(publisher.pc).get(20, TimeUnit.SECONDS);
            publisher.startVideo();
            assertThat(published.url().getPath()).startsWith("/whip/client-cam/");
            await().atMost(WAIT).until(() -> streams.find("client-cam").isPresent());

            SignalingSession played = WhepClient.builder(url("/whep/client-cam")).bearerToken("play-secret")
                    .build().play(engine::newPeerConnection).get(20, TimeUnit.SECONDS);
            MediaStreamTrack video = receiver(played.peerConnection(), MediaKind.VIDEO);
            for (int i = 0; i < 30; i++) {
                video.recv().get(10, TimeUnit.SECONDS);
            }
            published.trickled().get(10, TimeUnit.SECONDS);

            String etag = published.etag();
            published.restartIce().get(20, TimeUnit.SECONDS);
            assertThat(published.etag()).isNotEqualTo(etag);
            for (int i = 0; i < 60; i++) {
                video.recv().get(10, TimeUnit.SECONDS);
            }
            assertThat(publisher.pc.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);

            played.closeAsync().get(10, TimeUnit.SECONDS);
            published.closeAsync().get(10, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> streams.find("client-cam").isEmpty());
        }
    }

    @Test
    void followsA307OnThePostToTheEndpointItNames() throws Exception {
        HttpServer redirector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        redirector.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", url("/whip/redirected-cam").toString());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirector.start();
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            URI entry = URI.create("http://127.0.0.1:" + redirector.getAddress().getPort() + "/ingest");
            SignalingSession session = WhipClient.builder(entry).bearerToken("publish-secret").build()
                    .publish(publisher.pc).get(20, TimeUnit.SECONDS);
            assertThat(session.url().getPort()).isEqualTo(port);
            await().atMost(WAIT).until(() -> streams.find("redirected-cam").isPresent());
            session.closeAsync().get(10, TimeUnit.SECONDS);
        } finally {
            redirector.stop(0);
        }
    }

    @Test
    void aWrongTokenIsAnExceptionCarryingTheProblemDetails() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            assertThatThrownBy(() -> WhipClient.builder(url("/whip/no-token-cam")).bearerToken("wrong").build()
                    .publish(publisher.pc).join())
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(HttpSignalingException.class, refused -> {
                        assertThat(refused.getStatus()).isEqualTo(401);
                        assertThat(refused.getTitle()).isNotBlank();
                    });
            assertThat(streams.find("no-token-cam")).isEmpty();
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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
