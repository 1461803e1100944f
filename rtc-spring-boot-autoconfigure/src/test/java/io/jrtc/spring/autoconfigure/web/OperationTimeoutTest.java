package io.jrtc.spring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 504 answer of the REST API, over real HTTP against the real stack: a STUN server that never answers keeps ICE
 * gathering going for seconds (the Binding request is retransmitted until it times out), longer than the configured
 * operation timeout, so waiting for gathering gives up and the client gets an application/problem+json 504.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.limits.operation-timeout=1s", "rtc.rest.client-ice-servers.enabled=true",
                "rtc.rest.client-ice-servers.allowed-hosts=127.0.0.1" })
class OperationTimeoutTest {
    private static final String BASE = "/api/rtc/peer-connections";

    @LocalServerPort
    int port;

    @Autowired
    PeerConnectionService service;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = new JsonMapper();
    private final AtomicInteger bindingRequestsSwallowed = new AtomicInteger();
    private DatagramSocket silentStunServer;
    private Thread swallower;

    /** Receives and drops everything, so requests neither get answers nor bounce as ICMP port unreachable. */
    @BeforeEach
    void startSilentStunServer() throws Exception {
        silentStunServer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        swallower = new Thread(() -> {
            byte[] buffer = new byte[1500];
            while (!silentStunServer.isClosed()) {
                try {
                    silentStunServer.receive(new DatagramPacket(buffer, buffer.length));
                    bindingRequestsSwallowed.incrementAndGet();
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        }, "silent-stun-server");
        swallower.setDaemon(true);
        swallower.start();
    }

    @AfterEach
    void stop() throws Exception {
        service.closeAll();
        silentStunServer.close();
        swallower.join(5_000);
    }

    @Test
    void waitingLongerThanTheOperationTimeoutIs504ProblemJson() throws Exception {
        String stun = "stun:127.0.0.1:" + silentStunServer.getLocalPort();
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri(BASE))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"iceServers\":[{\"urls\":[\"" + stun + "\"]}]}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = json.readTree(created.body()).get("id").asString();
        // A data channel gives the offer its m= section, so there is a transport to gather candidates for.
        assertThat(send(HttpRequest.newBuilder(uri(BASE + "/" + id + "/data-channels"))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"chat\"}"))).statusCode()).isEqualTo(201);

        long started = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                uri(BASE + "/" + id + "/create-offer?waitForGathering=true"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow())
                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:jrtc:problem:operation-timeout");
        assertThat(problem.get("title").asString()).isEqualTo("The WebRTC stack did not answer in time");
        assertThat(problem.get("status").asInt()).isEqualTo(504);
        assertThat(problem.get("detail").asString())
                .isEqualTo("gathering candidates did not finish within 1000 ms");
        assertThat(problem.get("instance").asString()).isEqualTo(BASE + "/" + id + "/create-offer");
        // It waited out the configured timeout for gathering, which the silent server keeps from completing.
        assertThat(waitedMillis).isGreaterThanOrEqualTo(1_000L);
        assertThat(bindingRequestsSwallowed.get()).isPositive();
        // The connection outlives the timeout: only the wait was abandoned, gathering goes on.
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri(BASE + "/" + id)).GET());
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(json.readTree(after.body()).get("iceGatheringState").asString()).isEqualTo("gathering");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
