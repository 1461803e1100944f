package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Graceful shutdown drains, against a real redis-server: while node A's context closes with a viewer still
 * playing from it, A is listed as draining, keeps its lease, and redirects new WHEP and WHIP POSTs to B; once its
 * last viewer left, it releases its lease and its viewer counts and leaves the directory, and only then does the
 * close go on.
 */
class ClusterDrainTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STREAM = "cam-drain";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        // Longer than the test can take: the drain here ends because the last viewer left.
        nodeA = node("a", "rtc.cluster.drain-timeout=10m");
        nodeB = node("b");
    }

    private static ConfigurableApplicationContext node(String id, String... more) {
        return new SpringApplicationBuilder(ClusterDirectoryTest.Node.class)
                .properties(ClusterDirectoryTest.nodeProperties(id, redis.port()))
                .properties("server.port=0", "rtc.cluster.public-url=http://" + id + ".example.test",
                        "rtc.cluster.heartbeat=250ms", "rtc.cluster.node-ttl=1500ms")
                .properties(more).run();
    }

    @AfterAll
    static void stop() throws Exception {
        ClusterTestNodes.closeAll(nodeA, nodeB, clients, redis);
    }

    @Test
    void aClosingNodeDrainsRedirectingNewSessionsThenReleasesWhatItHeldAndLeaves() throws Exception {
        ClusterDirectory directory = nodeB.getBean(ClusterDirectory.class);
        URI whipOnA = url(nodeA, "/whip/" + STREAM);
        URI whepOnA = url(nodeA, "/whep/" + STREAM);
        try (ClusterMediaPeer publisher = new ClusterMediaPeer(clients, new RTCConfiguration())) {
            WhipClient.builder(whipOnA).build().publish(publisher.pc).get(30, TimeUnit.SECONDS);
            SignalingSession viewer = WhepClient.builder(whepOnA).build().play(clients::newPeerConnection)
                    .get(30, TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> directory.viewers(STREAM).getOrDefault("a", 0) == 1);

            CompletableFuture<Void> closed = CompletableFuture.runAsync(nodeA::close);
            await().atMost(WAIT).until(() -> directory.node("a")
                    .filter(node -> node.state() == ClusterNode.State.DRAINING).isPresent());
            assertThat(directory.lease(STREAM).nodeId()).isEqualTo("a");
            assertThat(directory.viewers(STREAM)).containsEntry("a", 1);

            HttpResponse<String> play = post(whepOnA);
            assertThat(play.statusCode()).isEqualTo(307);
            assertThat(play.headers().firstValue("Location")).hasValue("http://b.example.test/whep/" + STREAM
                    + "?" + ClusterPlacementFilter.REDIRECTED + "=1");
            HttpResponse<String> publish = post(url(nodeA, "/whip/cam-drain-other"));
            assertThat(publish.statusCode()).isEqualTo(307);
            assertThat(publish.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith("http://b.example.test/whip/cam-drain-other"));
            assertThat(closed).isNotDone();

            long lastViewerLeft = System.nanoTime();
            viewer.closeAsync().get(30, TimeUnit.SECONDS);
            closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            double leftMs = (System.nanoTime() - lastViewerLeft) / 1e6;
            assertThat(directory.node("a")).isEmpty();
            assertThat(directory.lease(STREAM)).isNull();
            assertThat(directory.viewers(STREAM)).doesNotContainKey("a");
            System.out.printf("{\"clusterDrain\":{\"lastViewerLeftToNodeGoneMs\":%.0f,\"heartbeatMs\":250,"
                    + "\"load\":\"%.1f\"}}%n", leftMs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A POST that placement answers before reading the offer. */
    private static HttpResponse<String> post(URI endpoint) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }
}
