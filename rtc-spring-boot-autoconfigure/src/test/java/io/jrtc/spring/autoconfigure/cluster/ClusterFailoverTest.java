package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Failover with a real kill: origin A runs in a JVM of its own ({@link ClusterNodeMain}), edge B in this one, with a
 * real redis-server. After {@code kill -9} of A, A leaves the directory within the TTL, B's link closes and its
 * viewers' sessions end, and once the lease expired the stream can be published again on B.
 */
class ClusterFailoverTest {
    private static final Duration TTL = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STREAM = "cam-failover";
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static ClusterNodeProcess origin;
    private static int originPort;
    private static ConfigurableApplicationContext edge;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        originPort = ClusterNodeProcess.freePort();
        CompletableFuture<Void> originReady = startOrigin();
        int edgePort = ClusterNodeProcess.freePort();
        edge = new SpringApplicationBuilder(ClusterDirectoryTest.Node.class)
                .properties(ClusterDirectoryTest.nodeProperties("b", redis.port()))
                .properties(ClusterTestNodes.atPort(edgePort, TTL).toArray(String[]::new)).run();
        originReady.get(180, TimeUnit.SECONDS);
    }

    /** Starts A's JVM on this test's classpath; completes once it serves. */
    private static CompletableFuture<Void> startOrigin() throws Exception {
        List<String> properties = new ArrayList<>(List.of(ClusterDirectoryTest.nodeProperties("a", redis.port())));
        properties.addAll(ClusterTestNodes.atPort(originPort, TTL));
        origin = new ClusterNodeProcess(properties);
        return origin.ready();
    }

    @AfterAll
    static void stop() throws Exception {
        ClusterTestNodes.closeAll(origin, edge, clients, redis);
    }

    @Test
    void anOriginKilledWithSigkillLeavesItsEdgesViewersEndAndTheStreamCanBePublishedElsewhere() throws Exception {
        ClusterDirectory directory = edge.getBean(ClusterDirectory.class);
        try (ClusterMediaPeer publisher = new ClusterMediaPeer(clients, new RTCConfiguration());
                ClusterMediaPeer republisher = new ClusterMediaPeer(clients, new RTCConfiguration())) {
            WhipClient.builder(URI.create("http://127.0.0.1:" + originPort + "/whip/" + STREAM)).build()
                    .publish(publisher.pc).get(30, TimeUnit.SECONDS);
            publisher.startVideo();
            SignalingSession viewer = WhepClient.builder(url("/whep/" + STREAM)).build()
                    .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
            MediaStreamTrack video = ClusterMediaPeer.received(viewer.peerConnection(), MediaKind.VIDEO);
            for (int i = 0; i < 10; i++) {
                assertThat(publisher.sent(video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS))).isTrue();
            }
            assertThat(edge.getBean(EdgeLinks.class).size()).isEqualTo(1);

            long killed = System.nanoTime();
            origin.kill();  // SIGKILL: no shutdown hook, no graceful leave
            await().atMost(WAIT).until(() -> directory.node("a").isEmpty());
            double leftMs = (System.nanoTime() - killed) / 1e6;
            await().atMost(WAIT).until(() -> edge.getBean(EdgeLinks.class).size() == 0);
            await().atMost(WAIT).until(() -> edge.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP) == 0);
            double viewersEndedMs = (System.nanoTime() - killed) / 1e6;
            await().atMost(WAIT).until(() -> directory.lease(STREAM) == null);

            WhipClient.builder(url("/whip/" + STREAM)).build().publish(republisher.pc).get(30, TimeUnit.SECONDS);
            assertThat(directory.lease(STREAM).nodeId()).isEqualTo("b");
            System.out.printf("{\"clusterFailover\":{\"ttlMs\":%d,\"originLeftDirectoryMs\":%.0f,"
                    + "\"edgeViewersEndedMs\":%.0f,\"load\":\"%.1f\"}}%n", TTL.toMillis(), leftMs, viewersEndedMs,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + edge.getEnvironment().getProperty("local.server.port") + path);
    }
}
