package io.jrtc.spring.autoconfigure.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;

import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * ICE servers named by a REST create, over real HTTP. Off by default: any list answers 400 at once (5,000 stun:
 * URLs included) and a turn: URL with transport=tcp at a listener in the test namespace makes no connection to it.
 */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "rtc.include-loopback=true", "rtc.events.stats-interval=0" })
class ClientIceServersTest {
    @LocalServerPort
    int port;

    @Autowired
    PeerConnectionService service;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void fiveThousandStunUrlsAre400() throws Exception {
        String urls = String.join(",", Collections.nCopies(5_000, "\"stun:198.18.0.1:3478\""));
        String body = "{\"iceServers\":[{\"urls\":[" + urls + "]}]}";
        long best = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response = create(body);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            best = Math.min(best, elapsed);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("rtc.rest.client-ice-servers.enabled");
        }
        // A figure, not an assertion: timing depends on the machine's load (the guide keeps timing out of tests).
        System.out.printf("{\"client_ice_servers_5000_urls_400_best_ms\": %d}%n", best);
        assertThat(service.size()).isZero();
    }

    @Test
    void aTurnTcpUrlAtATestNamespaceListenerIs400AndTheListenerSeesNoConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(InetAddress.getByName("198.18.0.1"), 0));
            String url = "turn:198.18.0.1:" + listener.getLocalPort() + "?transport=tcp";
            HttpResponse<String> response = create("{\"iceServers\":[{\"urls\":[\"" + url
                    + "\"],\"username\":\"u\",\"credential\":\"p\"}]}");
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            listener.setSoTimeout(1_000);
            assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(listener::accept);
        }
        assertThat(service.size()).isZero();
    }

    @Test
    void withoutIceServersACreateIsServed() throws Exception {
        HttpResponse<String> response = create("{}");
        assertThat(response.statusCode()).isEqualTo(201);
        service.closeAll();
    }

    private HttpResponse<String> create(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rtc/peer-connections"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
