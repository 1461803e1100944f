package io.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The opt-in retries of a WHIP or WHEP POST against a real HTTP server: a 503 is tried again after the
 * back-off or its Retry-After, an unreachable endpoint too, other refusals are not, and without retries a 503
 * fails at once.
 */
class PostRetriesTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger posts = new AtomicInteger();
    private HttpServer server;

    /** Answers {@code busy} POSTs with {@code status} (Retry-After 0 on a 503), then 201. */
    private URI endpoint(int busy, int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/whep/cam", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (posts.incrementAndGet() <= busy) {
                if (status == 503) {
                    exchange.getResponseHeaders().add("Retry-After", "0");
                }
                exchange.sendResponseHeaders(status, -1);
            } else {
                exchange.getResponseHeaders().add("Location", "/whep/cam/session-1");
                byte[] answer = "v=0\r\n".getBytes();
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/whep/cam");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static HttpSignaling signaling(PostRetries retries) {
        return new HttpSignaling(CLIENT, () -> "token", Duration.ofSeconds(5), retries);
    }

    @Test
    void a503IsTriedAgainUntilTheEndpointHasRoom() throws Exception {
        URI endpoint = endpoint(2, 503);
        HttpResponse<String> created = signaling(new PostRetries(3, Duration.ofMillis(10), Duration.ofMillis(100)))
                .postOffer(endpoint, "v=0\r\n").get(10, TimeUnit.SECONDS);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(posts).hasValue(3);
    }

    @Test
    void withoutRetriesA503FailsAtOnceWithItsRetryAfter() throws Exception {
        URI endpoint = endpoint(1, 503);
        assertThatThrownBy(() -> signaling(PostRetries.NONE).postOffer(endpoint, "v=0\r\n").join())
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOfSatisfying(HttpSignalingException.class, refused -> {
                    assertThat(refused.getStatus()).isEqualTo(503);
                    assertThat(refused.getRetryAfterSeconds()).isZero();
                });
        assertThat(posts).hasValue(1);
    }

    @Test
    void aRefusalOtherThan503IsNotTriedAgain() throws Exception {
        URI endpoint = endpoint(1, 404);
        assertThatThrownBy(() -> signaling(new PostRetries(3, Duration.ofMillis(10), Duration.ofMillis(100)))
                .postOffer(endpoint, "v=0\r\n").join()).cause().isInstanceOf(HttpSignalingException.class);
        assertThat(posts).hasValue(1);
    }

    @Test
    void anUnreachableEndpointIsTriedAgainThenFailsWithTheConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/whep/cam");
        long start = System.nanoTime();
        assertThatThrownBy(() -> signaling(new PostRetries(3, Duration.ofMillis(50), Duration.ofMillis(100)))
                .postOffer(nowhere, "v=0\r\n").join()).cause().isInstanceOf(IOException.class);
        // Two waits (50 ms, then 100 ms) separate the three attempts.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void backoffDoublesUpToItsCapAndHonoursRetryAfterWithinIt() {
        PostRetries retries = new PostRetries(10, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(retries.backoff(1, -1)).isEqualTo(Duration.ofMillis(100));
        assertThat(retries.backoff(3, -1)).isEqualTo(Duration.ofMillis(400));
        assertThat(retries.backoff(9, -1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.backoff(1, 5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.allowsAnotherAfter(9)).isTrue();
        assertThat(retries.allowsAnotherAfter(10)).isFalse();
        assertThatThrownBy(() -> new PostRetries(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
