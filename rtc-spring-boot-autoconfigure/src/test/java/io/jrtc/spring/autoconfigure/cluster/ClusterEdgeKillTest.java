package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhepPlayback;
import io.jrtc.whip.WhipClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code kill -9} of an edge: origin A and entry node B (full at one viewer) in this JVM, edge C in a JVM of its
 * own, a real redis-server. A viewer that entered at B was redirected to C; once C is killed its connection goes
 * silent, {@link WhepPlayback} gives it up and plays again from its entry URL, B's, which places it on a live
 * node. The time from the kill to the first frame of the new session is printed.
 */
class ClusterEdgeKillTest {
    private static final Duration TTL = Duration.ofMillis(1500);
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String STREAM = "cam-edge-kill";
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ClusterNodeProcess nodeC;
    private static int portA;
    private static int portB;
    private static int portC;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        portA = ClusterNodeProcess.freePort();
        portB = ClusterNodeProcess.freePort();
        portC = ClusterNodeProcess.freePort();
        List<String> propertiesC = new ArrayList<>(List.of(ClusterDirectoryTest.nodeProperties("c", redis.port())));
        propertiesC.addAll(ClusterTestNodes.atPort(portC, TTL));
        nodeC = new ClusterNodeProcess(propertiesC);
        nodeA = node("a", portA);
        nodeB = node("b", portB, "rtc.cluster.max-viewers=1");
        nodeC.ready().get(180, TimeUnit.SECONDS);
    }

    private static ConfigurableApplicationContext node(String id, int port, String... more) {
        return new SpringApplicationBuilder(ClusterDirectoryTest.Node.class)
                .properties(ClusterDirectoryTest.nodeProperties(id, redis.port()))
                .properties(ClusterTestNodes.atPort(port, TTL).toArray(String[]::new)).properties(more).run();
    }

    @AfterAll
    static void stop() throws Exception {
        ClusterTestNodes.closeAll(nodeC, nodeB, nodeA, clients, redis);
    }

    @Test
    void aKilledEdgesViewerPlaysAgainThroughItsEntryUrl() throws Exception {
        ClusterDirectory directory = nodeA.getBean(ClusterDirectory.class);
        try (ClusterMediaPeer publisher = new ClusterMediaPeer(clients, new RTCConfiguration())) {
            WhipClient.builder(url(portA, "/whip/" + STREAM)).timeout(WAIT).build().publish(publisher.pc)
                    .get(60, TimeUnit.SECONDS);
            publisher.startVideo();
            // B takes one viewer and is then full; C carries the stream already and has fewer viewers than A (which
            // serves both links), so placement prefers C.
            SignalingSession onB = WhepClient.builder(url(portB, "/whep/" + STREAM)).timeout(WAIT).build()
                    .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
            SignalingSession onC = WhepClient.builder(url(portC, "/whep/" + STREAM)).timeout(WAIT).build()
                    .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
            // Placement reads the directory: wait until the heartbeats wrote B full, A serving both links, C one.
            await().atMost(WAIT).until(() -> directory.node("b").map(node -> !node.hasRoom()).orElse(false)
                    && viewersOf(directory, "a") == 2 && viewersOf(directory, "c") == 1
                    && directory.viewers(STREAM).containsKey("c"));

            // A loaded machine may take long to set up an edge link: each request may take the whole wait.
            WhepPlayback playback = WhepClient.builder(url(portB, "/whep/" + STREAM)).timeout(WAIT)
                    .reconnect(Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(2)).build()
                    .keepPlaying(clients::newPeerConnection, session -> { });
            SignalingSession first = playback.firstSession().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(first.url().getPort()).isEqualTo(portC);
            assertThat(publisher.sent(nextVideoFrame(first))).isTrue();

            long killed = System.nanoTime();
            nodeC.kill();
            await().atMost(WAIT).until(() -> playback.session() != null && playback.session() != first);
            SignalingSession again = playback.session();
            assertThat(again.url().getPort()).isNotEqualTo(portC);
            assertThat(publisher.sent(nextVideoFrame(again))).isTrue();
            double playingAgainMs = (System.nanoTime() - killed) / 1e6;
            await().atMost(WAIT).until(() -> directory.node("c").isEmpty());

            System.out.printf("{\"clusterEdgeKill\":{\"ttlMs\":%d,\"killToPlayingAgainMs\":%.0f,\"reconnects\":%d,"
                    + "\"playingAgainOn\":\"%s\",\"load\":\"%.1f\"}}%n", TTL.toMillis(), playingAgainMs,
                    playback.reconnects(), again.url().getPort() == portA ? "a" : "b",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            playback.closeAsync().get(30, TimeUnit.SECONDS);
            onB.closeAsync().get(30, TimeUnit.SECONDS);
            onC.peerConnection().close();
        }
    }

    private static int viewersOf(ClusterDirectory directory, String nodeId) {
        return directory.node(nodeId).map(ClusterNode::viewers).orElse(0);
    }

    /** The next video frame the session receives (a frame the publisher sent, if the path is right). */
    private static Frame nextVideoFrame(SignalingSession session) throws Exception {
        MediaStreamTrack video = ClusterMediaPeer.received(session.peerConnection(), MediaKind.VIDEO);
        return video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
