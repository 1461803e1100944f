package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Viewers kept across a republish ({@code rtc.cluster.republish-grace}): a viewer on edge B of a stream published on
 * A plays the stream's next publisher, on A again and then on C, in the same WHEP session; when nobody publishes it
 * again within the grace, the viewer's session ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterRepublishTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final String STREAM = "cam-again";
    private static ThreeNodeCluster cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;
    private static ClusterMediaPeer publisher;
    private static SignalingSession publication;
    private static SignalingSession viewer;

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeNodeCluster.start("rtc.cluster.republish-grace=" + GRACE.toMillis() + "ms");
        nodeA = cluster.a;
        nodeB = cluster.b;
        nodeC = cluster.c;
        publish(nodeA, 1);
        viewer = WhepClient.builder(ClusterEdgeTest.url(nodeB, "/whep/" + STREAM)).build()
                .play(cluster.clients::newPeerConnection).get(60, TimeUnit.SECONDS);
        assertFramesFrom(publisher, 10);
    }

    @AfterAll
    static void stop() throws Exception {
        if (viewer != null) {
            viewer.peerConnection().close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aViewerOnAnEdgePlaysTheStreamsNextPublisherOnTheSameOriginInTheSameSession() throws Exception {
        long start = unpublishAndPublishAgainOn(nodeA, 2);
        assertFramesFrom(publisher, 30);
        print("republishedOnSameOrigin", start);
        assertThat(viewer.peerConnection().getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(1);
        assertThat(nodeB.getBean(EdgeLinks.class).size()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void aViewerOnAnEdgePlaysTheStreamsNextPublisherOnAnotherNodeInTheSameSession() throws Exception {
        long start = unpublishAndPublishAgainOn(nodeC, 3);
        assertFramesFrom(publisher, 30);
        print("republishedOnAnotherNode", start);
        assertThat(nodeA.getBean(ClusterDirectory.class).lease(STREAM).nodeId()).isEqualTo("c");
        assertThat(nodeB.getBean(EdgeLinks.class).path(STREAM)).hasValueSatisfying(path ->
                assertThat(path).containsExactly("c", "b"));
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(1);
        // Three publishers, one stream for the viewer: B's sender kept its SSRC.
        List<Object> videoSsrcs = viewer.peerConnection().getStats().get(10, TimeUnit.SECONDS).ofType("inbound-rtp")
                .stream().filter(stats -> "video".equals(stats.get("kind"))).map(stats -> stats.get("ssrc"))
                .distinct().toList();
        assertThat(videoSsrcs).hasSize(1);
    }

    @Test
    @Order(3)
    void aViewerWhoseStreamIsNotPublishedAgainWithinTheGraceEnds() throws Exception {
        publication.closeAsync().get(20, TimeUnit.SECONDS);
        publisher.close();
        publisher = null;
        long start = System.nanoTime();
        await().atMost(WAIT).until(() -> nodeB.getBean(EdgeLinks.class).size() == 0);
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).as("the viewer waits").isOne();
        await().atMost(WAIT.plus(GRACE)).until(() -> nodeB.getBean(WhipSessions.class)
                .count(WhipSessions.Kind.WHEP) == 0);
        double endedMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("{\"clusterRepublish\":{\"viewerEndedAfterMs\":%.0f,\"graceMs\":%d}}%n", endedMs,
                GRACE.toMillis());
    }

    /** Ends the publication, publishes the stream with another publisher on {@code node}; returns when, in nanos. */
    private static long unpublishAndPublishAgainOn(ConfigurableApplicationContext node, long seed) throws Exception {
        publication.closeAsync().get(20, TimeUnit.SECONDS);
        publisher.close();
        await().atMost(WAIT).until(() -> nodeA.getBean(ClusterDirectory.class).lease(STREAM) == null);
        long start = System.nanoTime();
        publish(node, seed);
        return start;
    }

    private static void publish(ConfigurableApplicationContext node, long seed) throws Exception {
        publisher = new ClusterMediaPeer(cluster.clients, new RTCConfiguration(), seed);
        publication = WhipClient.builder(ClusterEdgeTest.url(node, "/whip/" + STREAM)).build().publish(publisher.pc)
                .get(30, TimeUnit.SECONDS);
        publisher.startVideo();
    }

    /**
     * Skips what the viewer still had of the last publisher, then wants {@code frames} frames in a row from {@code
     * from}, byte for byte.
     */
    private static void assertFramesFrom(ClusterMediaPeer from, int frames) throws Exception {
        MediaStreamTrack video = ClusterMediaPeer.received(viewer.peerConnection(), MediaKind.VIDEO);
        Frame frame = video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (int skipped = 0; !from.sent(frame) && skipped < 100; skipped++) {
            frame = video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (int i = 0; i < frames; i++) {
            assertThat(from.sent(frame)).as("frame %d is one the current publisher sent, byte for byte", i).isTrue();
            frame = video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void print(String what, long startNanos) {
        System.out.printf("{\"clusterRepublish\":{\"%sFramesAfterMs\":%.0f,\"load\":\"%s\"}}%n", what,
                (System.nanoTime() - startNanos) / 1e6, ClusterEdgeTest.loadAverage());
    }
}
