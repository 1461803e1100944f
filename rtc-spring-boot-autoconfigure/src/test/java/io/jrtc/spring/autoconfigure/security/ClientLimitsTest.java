package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jrtc.pc.RtcEngine;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.whip.JrtcMediaPeer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The per-address bound at its default of 10, over real sockets: 11 concurrent WHIP POSTs from 198.18.0.2 (before,
 * all 11 got 201) give ten 201s and one 429 with Retry-After as problem+json, while a POST from 127.0.0.1 publishes;
 * ending a session frees its place. The global limit keeps its 503 (WhipTokenAndLimitTest).
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=0.0.0.0", "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.whip.token=publish-secret",
                // So that the open-connection bound, not the create rate, decides the burst of 11.
                "rtc.limits.client.creates-per-second-per-address=100" })
class ClientLimitsTest {
    private static final String STRANGER = "198.18.0.2";
    private static final String SERVER = "198.18.0.1";
    private static final String HEADERS = "Content-Type: application/sdp\r\nAuthorization: Bearer publish-secret\r\n";
    private static final Pattern LOCATION = Pattern.compile("(?mi)^Location: https?://[^/]+(/\\S+)");

    @LocalServerPort
    int port;

    @Autowired
    RtcEngine engine;

    @Autowired
    PeerConnectionService service;

    @Test
    void theEleventhConcurrentPostOfOneAddressIs429WhileAnotherAddressPublishes() throws Exception {
        List<JrtcMediaPeer> peers = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        ExecutorService posters = Executors.newFixedThreadPool(11);
        try {
            List<String> offers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                JrtcMediaPeer peer = JrtcMediaPeer.publisher(engine);
                peers.add(peer);
                offers.add(peer.offer());
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RawHttp.Response>> posts = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String stream = "/whip/cam" + i;
                String offer = offers.get(i);
                posts.add(posters.submit(() -> {
                    start.await();
                    return RawHttp.send(STRANGER, SERVER, port, "POST", stream, HEADERS, offer);
                }));
            }
            start.countDown();
            List<RawHttp.Response> refused = new ArrayList<>();
            for (Future<RawHttp.Response> post : posts) {
                RawHttp.Response response = post.get();
                if (response.status() == 201) {
                    sessions.add(location(response));
                } else {
                    refused.add(response);
                }
            }
            assertThat(sessions).hasSize(10);
            assertThat(refused).singleElement().satisfies(response -> {
                assertThat(response.status()).isEqualTo(429);
                assertThat(response.text()).containsIgnoringCase("Retry-After: 5")
                        .contains("application/problem+json").contains("urn:jrtc:problem:client-limit")
                        .contains("rtc.limits.client.max-open-per-address");
            });
            assertThat(service.clients().openFor(STRANGER)).isEqualTo(10);

            RawHttp.Response other = RawHttp.send("127.0.0.1", "127.0.0.1", port, "POST", "/whip/other", HEADERS,
                    offers.get(11));
            assertThat(other.status()).isEqualTo(201);
            sessions.add(location(other));

            RawHttp.Response ended = RawHttp.send(STRANGER, SERVER, port, "DELETE", sessions.remove(0), HEADERS,
                    null);
            assertThat(ended.status()).isEqualTo(200);
            assertThat(service.clients().openFor(STRANGER)).isEqualTo(9);
        } finally {
            posters.shutdownNow();
            for (String session : sessions) {
                RawHttp.send("127.0.0.1", "127.0.0.1", port, "DELETE", session, HEADERS, null);
            }
            for (JrtcMediaPeer peer : peers) {
                peer.close();
            }
        }
    }

    private static String location(RawHttp.Response response) {
        Matcher matcher = LOCATION.matcher(response.text());
        assertThat(matcher.find()).as("Location in %s", response.text()).isTrue();
        return matcher.group(1);
    }
}
