package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Edge pull over real HTTP and media, three nodes in one JVM sharing a real redis-server: a stream published on
 * origin A is played on edges B and C through one link per edge however many viewers each has, its frames arrive
 * byte for byte, a viewer joining an edge that already carries it gets a keyframe from the publisher, and an
 * edge's link closes a grace period after its last viewer left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEdgeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final String STREAM = "cam-edge";
    /** B is full once the first two cases' four viewers play there. */
    private static final int MAX_VIEWERS_ON_B = 4;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;
    private static ClusterMediaPeer publisher;
    private static final List<SignalingSession> viewersOnB = new CopyOnWriteArrayList<>();
    private static final List<SignalingSession> viewersOnC = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture.supplyAsync(() -> node("a"));
        CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node("b"));
        CompletableFuture<ConfigurableApplicationContext> c = CompletableFuture.supplyAsync(() -> node("c"));
        nodeA = a.get(120, TimeUnit.SECONDS);
        nodeB = b.get(120, TimeUnit.SECONDS);
        nodeC = c.get(120, TimeUnit.SECONDS);
        publisher = new ClusterMediaPeer(clients, new RTCConfiguration());
        WhipClient.builder(url(nodeA, "/whip/" + STREAM)).build().publish(publisher.pc).get(30, TimeUnit.SECONDS);
        publisher.startVideo();
    }

    @AfterAll
    static void stop() throws Exception {
        for (SignalingSession viewer : viewersOnB) {
            viewer.peerConnection().close();
        }
        for (SignalingSession viewer : viewersOnC) {
            viewer.peerConnection().close();
        }
        if (publisher != null) {
            publisher.close();
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB, nodeC}) {
            if (node != null) {
                node.close();
            }
        }
        if (clients != null) {
            clients.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static ConfigurableApplicationContext node(String id) {
        int port = freePort();
        return new SpringApplicationBuilder(ClusterDirectoryTest.Node.class)
                .listeners(SerialLoggingStart.listeners())
                .properties(ClusterDirectoryTest.nodeProperties(id, redis.port()))
                .properties("server.port=" + port, "rtc.cluster.public-url=http://127.0.0.1:" + port,
                        "rtc.cluster.internal-url=http://127.0.0.1:" + port,
                        "rtc.cluster.heartbeat=250ms", "rtc.cluster.node-ttl=1500ms",
                        "rtc.cluster.edge-link-grace=" + GRACE.toMillis() + "ms",
                        "rtc.cluster.max-viewers=" + (id.equals("b") ? MAX_VIEWERS_ON_B : 0)).run();
    }

    @Test
    @Order(1)
    void viewersOnTwoEdgesGetThePublishersFramesByteForByteThroughOneLinkPerEdge() throws Exception {
        long start = System.nanoTime();
        SignalingSession first = play(nodeB, viewersOnB);
        assertFramesFromThePublisher(first, 30);
        double freshEdgeMs = (System.nanoTime() - start) / 1e6;
        List<CompletableFuture<SignalingSession>> more = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            more.add(CompletableFuture.supplyAsync(() -> play(nodeB, viewersOnB)));
        }
        for (int i = 0; i < 2; i++) {
            more.add(CompletableFuture.supplyAsync(() -> play(nodeC, viewersOnC)));
        }
        for (CompletableFuture<SignalingSession> viewer : more) {
            assertFramesFromThePublisher(viewer.get(60, TimeUnit.SECONDS), 30);
        }
        assertThat(nodeB.getBean(EdgeLinks.class).size()).isEqualTo(1);
        assertThat(nodeC.getBean(EdgeLinks.class).size()).isEqualTo(1);
        // The origin serves one session per edge, not one per viewer.
        assertThat(nodeA.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(2);
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(3);
        ClusterDirectory directory = nodeA.getBean(ClusterDirectory.class);
        await().atMost(WAIT).until(() -> directory.viewers(STREAM).equals(Map.of("a", 2, "b", 3, "c", 2)));
        System.out.printf("{\"clusterEdge\":{\"firstFrameOnFreshEdgeMs\":%.0f,\"load\":\"%s\"}}%n", freshEdgeMs,
                loadAverage());
    }

    @Test
    @Order(2)
    void aViewerJoiningAnEdgeThatCarriesTheStreamGetsAKeyframeFromThePublisher() throws Exception {
        int requestsBefore = publisher.keyframeRequests.get();
        int keyframesBefore = publisher.keyframesSent.get();
        long start = System.nanoTime();
        SignalingSession joined = play(nodeB, viewersOnB);
        MediaStreamTrack video = ClusterMediaPeer.received(joined.peerConnection(), MediaKind.VIDEO);
        Frame first = video.recv().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        double carryingEdgeMs = (System.nanoTime() - start) / 1e6;
        assertThat(publisher.sent(first)).isTrue();
        assertThat(((EncodedFrame) first).keyframe()).isTrue();
        // Each hop's PLI counter: which one held the request back, should it not arrive.
        RTCPeerConnection link = nodeB.getBean(EdgeLinks.class).connection(STREAM).orElseThrow();
        await().atMost(WAIT).untilAsserted(() -> assertThat(publisher.keyframeRequests.get())
                .as("keyframe requests at the publisher; PLIs sent by the viewer %d, by B's link %d, received by the"
                        + " publisher's connection %d", pli(joined.peerConnection(), "inbound-rtp"),
                        pli(link, "inbound-rtp"), pli(publisher.pc, "outbound-rtp"))
                .isGreaterThan(requestsBefore));
        assertThat(publisher.keyframesSent.get()).isGreaterThan(keyframesBefore);
        assertThat(nodeB.getBean(EdgeLinks.class).size()).isEqualTo(1);
        System.out.printf("{\"clusterEdge\":{\"firstFrameOnCarryingEdgeMs\":%.0f,\"keyframeRequestsAtPublisher\":%d,"
                + "\"pliSentByViewer\":%d,\"pliSentByLink\":%d,\"pliReceivedByPublisher\":%d,\"load\":\"%s\"}}%n",
                carryingEdgeMs, publisher.keyframeRequests.get() - requestsBefore, pli(joined.peerConnection(),
                "inbound-rtp"), pli(link, "inbound-rtp"), pli(publisher.pc, "outbound-rtp"), loadAverage());
    }

    @Test
    @Order(3)
    void anEdgesLinkClosesAGracePeriodAfterItsLastViewerLeft() throws Exception {
        for (SignalingSession viewer : viewersOnC) {
            viewer.closeAsync().get(20, TimeUnit.SECONDS);
        }
        await().atMost(WAIT).until(() -> nodeC.getBean(EdgeLinks.class).size() == 0);
        await().atMost(WAIT).until(() -> nodeA.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP) == 1);
        assertThat(nodeB.getBean(EdgeLinks.class).size()).isEqualTo(1);
        // A viewer arriving later gets a new link.
        assertFramesFromThePublisher(play(nodeC, viewersOnC), 10);
        assertThat(nodeC.getBean(EdgeLinks.class).size()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aFullEdgeRedirectsWith307ToANodeWithRoomAndClientsFollowIt() throws Exception {
        assertThat(nodeB.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(MAX_VIEWERS_ON_B);
        HttpResponse<String> redirect = post(nodeB, "/whep/" + STREAM);
        assertThat(redirect.statusCode()).isEqualTo(307);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        // C carries the stream with fewer viewers than A, whose viewers are the two edges' links.
        assertThat(location).isEqualTo(url(nodeC, "/whep/" + STREAM) + "?cluster-redirected=1");

        HttpResponse<String> again = post(nodeB, "/whep/" + STREAM + "?cluster-redirected=1");
        assertThat(again.statusCode()).isEqualTo(503);
        assertThat(again.headers().firstValue("Retry-After")).isPresent();
        assertThat(again.body()).contains("urn:jrtc:problem:no-room");

        SignalingSession followed = play(nodeB, viewersOnC);
        assertThat(followed.url().getPort()).isEqualTo(url(nodeC, "/").getPort());
        assertFramesFromThePublisher(followed, 10);

        try (ClusterMediaPeer second = new ClusterMediaPeer(clients, new RTCConfiguration())) {
            SignalingSession published = WhipClient.builder(url(nodeB, "/whip/cam-redirected")).build()
                    .publish(second.pc).get(30, TimeUnit.SECONDS);
            assertThat(published.url().getPort()).isNotEqualTo(url(nodeB, "/").getPort());
            assertThat(nodeA.getBean(ClusterDirectory.class).lease("cam-redirected").nodeId()).isNotEqualTo("b");
            published.closeAsync().get(20, TimeUnit.SECONDS);
        }
        ClusterMetrics metrics = nodeB.getBean(ClusterMetrics.class);
        assertThat(metrics.redirects("redirected")).isGreaterThanOrEqualTo(3);
        assertThat(metrics.redirects("no-room")).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(5)
    void aDeleteReachingANodeOtherThanTheSessionsIsForwardedToItsOwner() throws Exception {
        SignalingSession onC = viewersOnC.get(viewersOnC.size() - 1);
        int viewersOnCBefore = nodeC.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP);
        HttpResponse<String> deleted = send(nodeB, onC.url().getPath(), "DELETE");
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(nodeC.getBean(WhipSessions.class).count(WhipSessions.Kind.WHEP)).isEqualTo(viewersOnCBefore - 1);
        viewersOnC.remove(onC);
        assertThat(nodeB.getBean(ClusterMetrics.class).forwards()).isEqualTo(1);

        assertThat(send(nodeB, "/whep/" + STREAM + "/no-such-session", "DELETE").statusCode()).isEqualTo(404);
        // A session whose node left the directory, and one whose node does not answer: 502.
        ClusterDirectory directory = nodeA.getBean(ClusterDirectory.class);
        directory.writeSessions("gone", List.of("session-of-gone"));
        assertThat(send(nodeB, "/whep/" + STREAM + "/session-of-gone", "DELETE").statusCode()).isEqualTo(502);
        directory.writeNode(new ClusterNode("mute", null, "http://127.0.0.1:" + freePort(),
                ClusterNode.State.DRAINING, 0, 0, 0));
        directory.writeSessions("mute", List.of("session-of-mute"));
        HttpResponse<String> unanswered = send(nodeB, "/whep/" + STREAM + "/session-of-mute", "DELETE");
        assertThat(unanswered.statusCode()).isEqualTo(502);
        assertThat(unanswered.body()).contains("urn:jrtc:problem:session-owner-unreachable");
    }

    /** Last: it drains A and C. */
    @Test
    @Order(6)
    void aFullNodeAnswers503NoRoomWhenEveryOtherNodeIsDraining() throws Exception {
        nodeA.getBean(ClusterMembership.class).drain();
        nodeC.getBean(ClusterMembership.class).drain();
        HttpResponse<String> refused = post(nodeB, "/whep/" + STREAM);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("no other node has room");
        HttpResponse<String> toDraining = post(nodeC, "/whep/" + STREAM);
        assertThat(toDraining.statusCode()).isEqualTo(503);
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String path, String method)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(node, path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ConfigurableApplicationContext node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url(node, path)).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString("v=0\r\n")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The video PLI count of a connection's inbound (sent) or outbound (received) RTP stream stats. */
    private static long pli(RTCPeerConnection pc, String type) throws Exception {
        return pc.getStats().get(10, TimeUnit.SECONDS).ofType(type).stream()
                .filter(stats -> "video".equals(stats.get("kind")))
                .mapToLong(stats -> stats.get("pliCount") instanceof Number count ? count.longValue() : 0).sum();
    }

    private static SignalingSession play(ConfigurableApplicationContext node, List<SignalingSession> into) {
        SignalingSession session = WhepClient.builder(url(node, "/whep/" + STREAM)).build()
                .play(clients::newPeerConnection).join();
        into.add(session);
        return session;
    }

    private static void assertFramesFromThePublisher(SignalingSession viewer, int frames) throws Exception {
        publisher.assertSentTo(viewer, frames);
    }

    static URI url(ConfigurableApplicationContext node, String path) {
        return URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        return String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
    }
}
