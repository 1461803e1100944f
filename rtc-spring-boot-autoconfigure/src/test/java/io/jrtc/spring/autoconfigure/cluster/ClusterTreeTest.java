package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Edges pulling from edges: with {@code rtc.cluster.max-links-per-stream=1}, origin A serves one link (to B) and C
 * pulls the stream from B; C's viewers get the publisher's frames byte for byte, their keyframe requests reach the
 * publisher through both hops, and a node is refused a link that would loop or exceed the limit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTreeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STREAM = "cam-tree";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ThreeNodeCluster cluster;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;
    private static ClusterMediaPeer publisher;
    private static final List<SignalingSession> viewers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = ThreeNodeCluster.start("rtc.cluster.max-links-per-stream=1");
        nodeA = cluster.a;
        nodeB = cluster.b;
        nodeC = cluster.c;
        publisher = new ClusterMediaPeer(cluster.clients, new RTCConfiguration());
        WhipClient.builder(ClusterEdgeTest.url(nodeA, "/whip/" + STREAM)).build().publish(publisher.pc)
                .get(30, TimeUnit.SECONDS);
        publisher.startVideo();
    }

    @AfterAll
    static void stop() throws Exception {
        for (SignalingSession viewer : viewers) {
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
    void pastTheOriginsLinkLimitAnEdgePullsFromAnEdgeThatCarriesTheStream() throws Exception {
        assertFramesFromThePublisher(play(nodeB), 10);
        ClusterDirectory directory = nodeA.getBean(ClusterDirectory.class);
        // C's link is chosen from the directory: wait until it lists B as a carrier and A as full.
        await().atMost(WAIT).until(() -> directory.carriers(STREAM).equals(List.of(
                new StreamCarrier("a", 1, List.of("a")), new StreamCarrier("b", 0, List.of("a", "b")))));
        long start = System.nanoTime();
        SignalingSession onC = play(nodeC);
        assertFramesFromThePublisher(onC, 30);
        double twoHopFirstFramesMs = (System.nanoTime() - start) / 1e6;

        assertThat(nodeC.getBean(EdgeLinks.class).path(STREAM)).hasValue(List.of("a", "b", "c"));
        assertThat(nodeB.getBean(EdgeLinks.class).path(STREAM)).hasValue(List.of("a", "b"));
        // A serves exactly one link (to B); B serves its viewer and C's link.
        assertThat(nodeA.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(1);
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(2);
        await().atMost(WAIT).until(() -> directory.carriers(STREAM).contains(
                new StreamCarrier("b", 1, List.of("a", "b"))));
        System.out.printf("{\"clusterTree\":{\"thirtyFramesOnSecondHopEdgeMs\":%.0f,\"load\":\"%s\"}}%n",
                twoHopFirstFramesMs, ClusterEdgeTest.loadAverage());
    }

    @Test
    @Order(2)
    void aKeyframeRequestOfAViewerTwoHopsAwayReachesThePublisher() throws Exception {
        int requestsBefore = publisher.keyframeRequests.get();
        int keyframesBefore = publisher.keyframesSent.get();
        SignalingSession joined = play(nodeC);
        Frame first = ClusterMediaPeer.received(joined.peerConnection(), MediaKind.VIDEO).recv()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(publisher.sent(first)).isTrue();
        assertThat(((EncodedFrame) first).keyframe()).isTrue();
        await().atMost(WAIT).until(() -> publisher.keyframeRequests.get() > requestsBefore);
        assertThat(publisher.keyframesSent.get()).isGreaterThan(keyframesBefore);
        assertThat(nodeC.getBean(EdgeLinks.class).size()).isEqualTo(1);
        assertThat(nodeA.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aLinkThatWouldLoopOrPassTheLimitIsRefused() throws Exception {
        ClusterTokens tokens = new ClusterTokens(ClusterDirectoryTest.SECRET, Clock.systemUTC());
        // A is on C's path: C serving A would close a loop.
        HttpResponse<String> loop = pull(nodeC, tokens.issue("a", STREAM));
        assertThat(loop.statusCode()).isEqualTo(409);
        assertThat(loop.body()).contains("urn:jrtc:problem:link-loop").contains("[a, b, c]");
        // A serves its one link already.
        HttpResponse<String> full = pull(nodeA, tokens.issue("d", STREAM));
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(full.body()).contains("urn:jrtc:problem:link-limit");
    }

    private static HttpResponse<String> pull(ConfigurableApplicationContext node, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(ClusterEdgeTest.url(node, ClusterWhepController.PATH + "/" + STREAM))
                .header("Content-Type", "application/sdp").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static SignalingSession play(ConfigurableApplicationContext node) {
        SignalingSession session = WhepClient.builder(ClusterEdgeTest.url(node, "/whep/" + STREAM)).build()
                .play(cluster.clients::newPeerConnection).join();
        viewers.add(session);
        return session;
    }

    private static void assertFramesFromThePublisher(SignalingSession viewer, int frames) throws Exception {
        publisher.assertSentTo(viewer, frames);
    }
}
