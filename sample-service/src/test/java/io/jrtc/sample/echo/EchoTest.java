package io.jrtc.sample.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Java peer against POST /echo: WHIP signalling, then text and binary echoed byte for byte, in order. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=200ms" })
class EchoTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static RtcEngine clientEngine;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startClientEngine() {
        clientEngine = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
    }

    @AfterAll
    static void stopClientEngine() {
        clientEngine.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Offers with every candidate (non-trickle), as a WHIP client does. */
    private static String offer(RTCPeerConnection client) throws Exception {
        client.setLocalDescription(client.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
        client.gatheringComplete().get(10, TimeUnit.SECONDS);
        return client.getLocalDescription().sdp();
    }

    private HttpResponse<String> postOffer(String sdp) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/echo")).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(sdp)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void echoesTextAndBinaryOnEveryChannelByteForByteInOrder() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            RTCDataChannel text = client.createDataChannel("text");
            RTCDataChannel binary = client.createDataChannel("binary");
            List<RTCDataChannelMessage> textEchoes = new CopyOnWriteArrayList<>();
            List<RTCDataChannelMessage> binaryEchoes = new CopyOnWriteArrayList<>();
            text.onMessage(textEchoes::add);
            binary.onMessage(binaryEchoes::add);
            CompletableFuture<Void> bothOpen = CompletableFuture.allOf(opened(text), opened(binary));

            HttpResponse<String> created = postOffer(offer(client));

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/sdp"));
            assertThat(created.headers().firstValue("ETag")).isPresent();
            String location = created.headers().firstValue("Location").orElseThrow();
            assertThat(location).contains("/echo/");
            assertThat(created.body()).contains("a=candidate:");
            client.setRemoteDescription(new RTCSessionDescription(created.body(), RTCSdpType.ANSWER))
                    .get(10, TimeUnit.SECONDS);
            bothOpen.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            List<String> texts = List.of("hello", "ünïcödé ✓", "", "x".repeat(10_000), "last");
            texts.forEach(text::send);
            byte[] big = new byte[1024 * 1024];
            new Random(42).nextBytes(big);
            byte[] small = { 0, 1, 2, (byte) 0xff };
            binary.send(small);
            binary.send(big);

            await().atMost(TIMEOUT).until(() -> textEchoes.size() == texts.size() && binaryEchoes.size() == 2);
            List<String> echoedTexts = new ArrayList<>();
            for (RTCDataChannelMessage message : textEchoes) {
                assertThat(message.binary()).isFalse();
                echoedTexts.add(message.text());
            }
            assertThat(echoedTexts).containsExactlyElementsOf(texts);
            assertThat(binaryEchoes).allSatisfy(message -> assertThat(message.binary()).isTrue());
            assertThat(binaryEchoes.get(0).data()).isEqualTo(small);
            assertThat(binaryEchoes.get(1).data()).isEqualTo(big);

            HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(URI.create(location)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(deleted.statusCode()).isEqualTo(200);
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(location)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).isEqualTo(404);
        } finally {
            client.close().get(5, TimeUnit.SECONDS);
        }
    }

    /** Pion 3.1 writes {@code a=rtcp-fb:96 goog-remb } with a trailing space, and LF line ends: still 201. */
    @Test
    void anOfferWithTrailingSpacesAndBareLineFeedsIsAnswered() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            client.addTransceiver("video", io.jrtc.pc.RTCRtpTransceiverDirection.SENDRECV);
            RTCDataChannel channel = client.createDataChannel("pion");
            CompletableFuture<Void> open = opened(channel);
            String pionStyle = offer(client).replaceAll("(a=rtcp-fb:[^\r]*)\r\n", "$1 \n");
            assertThat(pionStyle).contains(" \n");

            HttpResponse<String> created = postOffer(pionStyle);

            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            client.setRemoteDescription(new RTCSessionDescription(created.body(), RTCSdpType.ANSWER))
                    .get(10, TimeUnit.SECONDS);
            open.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            http.send(HttpRequest.newBuilder(URI.create(created.headers().firstValue("Location").orElseThrow()))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            client.close().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void trickleIcePatchesAreAcceptedAndCheckedAgainstTheEtag() throws Exception {
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            client.createDataChannel("chat");
            String sdp = offer(client);
            HttpResponse<String> created = postOffer(sdp);
            URI session = URI.create(created.headers().firstValue("Location").orElseThrow());
            String etag = created.headers().firstValue("ETag").orElseThrow();
            RTCIceCandidate candidate = new RTCIceCandidate(sdp.lines().filter(l -> l.startsWith("a=candidate:"))
                    .findFirst().orElseThrow().substring(2), "0", 0, null);
            String fragment = "a=mid:0\r\na=" + candidate.getCandidate() + "\r\na=end-of-candidates\r\n";

            HttpResponse<String> patched = http.send(HttpRequest.newBuilder(session)
                    .header("Content-Type", "application/trickle-ice-sdpfrag").header("If-Match", etag)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(patched.statusCode()).isEqualTo(204);

            HttpResponse<String> stale = http.send(HttpRequest.newBuilder(session)
                    .header("Content-Type", "application/trickle-ice-sdpfrag").header("If-Match", "\"other\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stale.statusCode()).isEqualTo(412);

            HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(session)
                    .header("Content-Type", "text/plain")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrongType.statusCode()).isEqualTo(415);
            assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            http.send(HttpRequest.newBuilder(session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> gone = http.send(HttpRequest.newBuilder(session)
                    .header("Content-Type", "application/trickle-ice-sdpfrag")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(fragment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(gone.statusCode()).isEqualTo(404);
        } finally {
            client.close().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void refusesAnythingButSdpAndOversizedOffersAsProblems() throws Exception {
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(uri("/echo"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> tooLarge = postOffer("v=0\r\n" + "a=x-padding:0123456789\r\n".repeat(4000));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> malformed = postOffer("v=0\r\nnot sdp at all\r\n");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"line\"");

        HttpResponse<String> unknownTransform = http.send(HttpRequest.newBuilder(uri("/echo?video-transform=sepia"))
                .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString("v=0\r\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknownTransform.statusCode()).isEqualTo(400);
        assertThat(unknownTransform.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknownTransform.body()).contains("sepia").contains("grayscale, flip or edges");
    }

    @Test
    void servesThePageTheOpenApiDocumentAndPrometheusMetrics() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("echo.js");
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(uri("/echo.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.body()).contains("window.echoTest");

        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/rtc/peer-connections").contains("/echo");

        HttpResponse<String> prometheus = http.send(HttpRequest.newBuilder(uri("/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("rtc_peer_connections{").contains("rtc_transport_bytes_total");

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health/rtc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).contains("\"UP\"");
    }

    @Test
    void theEventStreamShowsTheSessionConnectingItsChannelAndStatistics() throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        WebSocketSession stream = new StandardWebSocketClient().execute(new TextWebSocketHandler() {
            @Override
            protected void handleTextMessage(WebSocketSession session, TextMessage message) {
                events.add(json.readTree(message.getPayload()));
            }
        }, "ws://127.0.0.1:" + port + "/api/rtc/events").get(5, TimeUnit.SECONDS);
        RTCPeerConnection client = clientEngine.newPeerConnection(new RTCConfiguration());
        try {
            RTCDataChannel channel = client.createDataChannel("chat");
            CompletableFuture<Void> open = opened(channel);
            HttpResponse<String> created = postOffer(offer(client));
            String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
            client.setRemoteDescription(new RTCSessionDescription(created.body(), RTCSdpType.ANSWER))
                    .get(10, TimeUnit.SECONDS);
            open.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            channel.send("counted");

            awaitEvents(events, () -> has(events, id, "connection-state", "connected")
                    && has(events, id, "data-channel-open", null) && has(events, id, "local-candidate", null)
                    && events.stream().anyMatch(event -> event.get("type").asString().equals("stats")
                            && event.get("peerConnectionId").asString().equals(id)
                            && event.get("data").get("messagesReceived").asLong() >= 1));
            assertThat(events).allSatisfy(event -> assertThat(event.get("timestamp").asLong()).isPositive());

            http.send(HttpRequest.newBuilder(URI.create(created.headers().firstValue("Location").orElseThrow()))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            awaitEvents(events, () -> has(events, id, "closed", null));
        } finally {
            stream.close();
            client.close().get(5, TimeUnit.SECONDS);
        }
    }

    /** Awaits the condition; on time-out the failure lists the events that did arrive. */
    private static void awaitEvents(List<JsonNode> events, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(TIMEOUT).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("events received: " + events, e);
        }
    }

    private static boolean has(List<JsonNode> events, String id, String type, String state) {
        return events.stream().anyMatch(event -> event.get("type").asString().equals(type)
                && event.get("peerConnectionId").asString().equals(id)
                && (state == null || state.equals(event.get("data").get("state").asString())));
    }

    private static CompletableFuture<Void> opened(RTCDataChannel channel) {
        CompletableFuture<Void> open = new CompletableFuture<>();
        channel.onOpen(() -> open.complete(null));
        return open;
    }
}
