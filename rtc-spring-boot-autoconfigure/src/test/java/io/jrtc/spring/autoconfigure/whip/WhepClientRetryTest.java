package io.jrtc.spring.autoconfigure.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhepPlayback;
import io.jrtc.whip.WhipClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clients' opt-in retries against our own server behind an entry endpoint that answers 503 with Retry-After
 * first (a cluster with no room yet), then redirects: with retries the play goes through, without them the 503 is
 * the caller's exception. {@link WhepPlayback} plays again when the server ends its session, and stops at a 4xx.
 */
@SpringBootTest(classes = WhipTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.limits.client.creates-per-second-per-address=1000" })
class WhepClientRetryTest {
    @LocalServerPort
    int port;

    @Autowired
    RtcEngine engine;

    @Autowired
    StreamRegistry streams;

    @Autowired
    PeerConnectionService service;

    @Test
    void a503WithRetryAfterIsTriedAgainAtTheEntryEndpointWhenRetriesAreOn() throws Exception {
        AtomicInteger posts = new AtomicInteger();
        HttpServer entry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        entry.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (posts.incrementAndGet() == 1) {
                exchange.getResponseHeaders().add("Retry-After", "1");
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.getResponseHeaders().add("Location", url("/whep/retry-cam").toString());
                exchange.sendResponseHeaders(307, -1);
            }
            exchange.close();
        });
        entry.start();
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            SignalingSession published = WhipClient.builder(url("/whip/retry-cam")).build().publish(publisher.pc)
                    .get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> streams.find("retry-cam").isPresent());
            URI entryUrl = URI.create("http://127.0.0.1:" + entry.getAddress().getPort() + "/play");

            assertThatThrownBy(() -> WhepClient.builder(entryUrl).build().play(engine::newPeerConnection).join())
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(HttpSignalingException.class,
                            refused -> assertThat(refused.getStatus()).isEqualTo(503));

            posts.set(0);
            SignalingSession played = WhepClient.builder(entryUrl).retries(2, Duration.ofSeconds(5)).build()
                    .play(engine::newPeerConnection).get(30, TimeUnit.SECONDS);
            assertThat(posts.get()).isEqualTo(2);
            assertThat(played.url().getPort()).isEqualTo(port);
            played.closeAsync().get(10, TimeUnit.SECONDS);
            published.closeAsync().get(10, TimeUnit.SECONDS);
        } finally {
            entry.stop(0);
        }
    }

    @Test
    void keepPlayingPlaysAgainWhenTheServerEndsItsSessionAndEndsOnA4xxRefusal() throws Exception {
        try (JrtcMediaPeer publisher = JrtcMediaPeer.publisher(engine)) {
            SignalingSession published = WhipClient.builder(url("/whip/keep-cam")).build().publish(publisher.pc)
                    .get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> streams.find("keep-cam").isPresent());
            WhepPlayback playback = WhepClient.builder(url("/whep/keep-cam"))
                    .reconnect(Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(1)).build()
                    .keepPlaying(engine::newPeerConnection, session -> { });
            SignalingSession first = playback.firstSession().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.peerConnection().getConnectionState()
                    == RTCPeerConnectionState.CONNECTED);

            String path = first.url().getPath();
            service.close(path.substring(path.lastIndexOf('/') + 1)).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).until(() -> playback.session() != null
                    && playback.session() != first);
            assertThat(playback.reconnects()).isPositive();
            assertThat(playback.session().url()).isNotEqualTo(first.url());
            playback.closeAsync().get(10, TimeUnit.SECONDS);
            assertThat(playback.ended()).isCompleted();

            WhepPlayback refused = WhepClient.builder(url("/whep/nobody-publishes-this")).build()
                    .keepPlaying(engine::newPeerConnection, session -> { });
            assertThatThrownBy(() -> refused.ended().get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(HttpSignalingException.class,
                            refusal -> assertThat(refusal.getStatus()).isEqualTo(404));
            assertThat(refused.firstSession()).isCompletedExceptionally();
            published.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
