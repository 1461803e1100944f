package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.spring.autoconfigure.whip.JrtcMediaPeer;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhepClient;
import io.jrtc.whip.WhipClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Three nodes over a real redis-server: origin A in a JVM of its own (so it can be killed with SIGKILL), edges B
 * and C in this JVM, every request over real HTTP and media over real sockets. A stream published on A plays
 * from B and C through edge pulls (C pulls from B, since A is full: a tree), frames arrive byte for byte, a
 * viewer's keyframe request reaches the publisher, A serves one link however many viewers play; a full B
 * redirects to C (307), and answers 503 when every node is full; a PATCH and a DELETE that reach B are forwarded
 * to C, which holds the session; an edge drops its link a grace after its last viewer leaves; killing A
 * empties the directory of it and ends the edges' links within the TTL, after which the stream can be
 * published anew on B and a retrying viewer plays it again; and a draining node redirects WHIP and WHEP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterEdgeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Requests wait this long: a pull and a play in a row on a CI machine that runs many tests at once. */
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(40);
    /** Longer than the directory test's: a heartbeat late by a second on a busy machine must not end a lease. */
    private static final Duration TTL = Duration.ofSeconds(3);
    private static final String[] TIMING = {"rtc.cluster.heartbeat=500ms", "rtc.cluster.node-ttl=3s"};
    private static final String STREAM = "edge-cam";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static Process originProcess;
    private static int portA;
    private static ConfigurableApplicationContext nodeB;
    private static ConfigurableApplicationContext nodeC;
    private static JrtcMediaPeer publisher;
    private static final List<SignalingSession> viewers = new ArrayList<>();
    private static SignalingSession viewerOfC;
    private static SignalingSession redirectedViewer;

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        // Loopback only: other tests add and remove interfaces in the shared test namespace, and a pair on one that
        // goes away fails its consent checks mid-test.
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true)
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())));
        portA = freePort();
        originProcess = startOrigin();
        nodeB = ClusterTestNode.start("b", freePort(), redis.port(), TIMING[0], TIMING[1],
                "rtc.cluster.max-viewers=3", "rtc.cluster.edge-idle-grace=1s");
        nodeC = ClusterTestNode.start("c", freePort(), redis.port(), TIMING[0], TIMING[1],
                "rtc.cluster.max-viewers=2", "rtc.cluster.edge-idle-grace=1s");
        await().atMost(Duration.ofSeconds(90)).until(() -> directory().node("a") != null);
    }

    /** Node A, the origin, allows one viewer: the first edge's link fills it. */
    private static Process startOrigin() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ClusterTestNode.class.getName()));
        for (String property : ClusterTestNode.properties("a", portA, redis.port(), TIMING[0], TIMING[1],
                "rtc.cluster.max-viewers=1")) {
            command.add("--" + property);
        }
        Path log = Files.createDirectories(Path.of("target", "cluster-test")).resolve("origin-a.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (SignalingSession viewer : viewers) {
            viewer.peerConnection().close();
        }
        if (publisher != null) {
            publisher.close();
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeB, nodeC}) {
            if (node != null) {
                node.close();
            }
        }
        if (originProcess != null) {
            originProcess.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (clients != null) {
            clients.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void edgesPullOnceInATreeRedirectWhenFullAndRefuseWhenAllAreFull() throws Exception {
        publisher = JrtcMediaPeer.publisher(clients);
        WhipClient.builder(url(portA, "/whip/" + STREAM)).timeout(SLOW_MACHINE).build().publish(publisher.pc)
                .get(60, TimeUnit.SECONDS);
        publisher.startVideo();
        await().atMost(WAIT).until(() -> directory().lease(STREAM) != null);

        long start = System.nanoTime();
        SignalingSession first = play(port(nodeB));
        receiveFramesByteForByte(first, 10);
        long freshEdgeFirstFrameMs = (System.nanoTime() - start) / 1_000_000;
        assertThat(edges(nodeB).count()).isOne();

        // A (max-viewers 1) is full with B's link: C pulls from B, which says it carries the stream.
        await().atMost(WAIT).until(() -> directory().viewers(STREAM).containsKey("b"));
        viewerOfC = play(port(nodeC));
        receiveFramesByteForByte(viewerOfC, 10);
        assertThat(nodeB.getBean(ClusterMembership.class).self().viewers()).isEqualTo(2);

        int keyframeRequests = publisher.keyframeRequests.get();
        start = System.nanoTime();
        SignalingSession second = play(port(nodeB));
        receiveFramesByteForByte(second, 10);
        long carryingEdgeFirstFrameMs = (System.nanoTime() - start) / 1_000_000;
        await().atMost(WAIT).until(() -> publisher.keyframeRequests.get() > keyframeRequests);

        // B is full (two viewers and C's link): the next viewer is sent to C, which carries the stream.
        redirectedViewer = play(port(nodeB));
        assertThat(redirectedViewer.url().getPort()).isEqualTo(port(nodeC));
        receiveFramesByteForByte(redirectedViewer, 10);

        // Every node is full now: 503 with Retry-After, not a redirect.
        Throwable refusal = WhepClient.builder(url(port(nodeB), "/whep/" + STREAM)).timeout(SLOW_MACHINE).build()
                .play(clients::newPeerConnection).handle((played, failure) -> {
                    if (played != null) {
                        viewers.add(played);
                        throw new AssertionError("played at " + played.url() + " though every node should be full: "
                                + load());
                    }
                    return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
                }).get(60, TimeUnit.SECONDS);
        assertThat(refusal).isInstanceOfSatisfying(HttpSignalingException.class, refused -> {
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getType()).isEqualTo("urn:jrtc:problem:no-room");
            assertThat(refused.getRetryAfterSeconds()).isPositive();
        });

        // Four viewers play, and the origin still sends one copy: its only viewer is B's link.
        await().atMost(WAIT).until(() -> directory().node("a").viewers() == 1);
        assertThat(edges(nodeB).count()).isOne();
        assertThat(edges(nodeC).count()).isOne();
        MeterRegistry meters = nodeB.getBean(MeterRegistry.class);
        assertThat(meters.get("rtc.cluster.redirects").tag("outcome", "redirected").functionCounter().count())
                .isEqualTo(1);
        assertThat(meters.get("rtc.cluster.redirects").tag("outcome", "refused").functionCounter().count())
                .isEqualTo(1);
        assertThat(meters.get("rtc.cluster.edge.links").gauge().value()).isEqualTo(1);
        System.out.printf("{\"cluster\":{\"firstFrameFreshEdgeMs\":%d,\"firstFrameCarryingEdgeMs\":%d}}%n",
                freshEdgeFirstFrameMs, carryingEdgeFirstFrameMs);
    }

    @Test
    @Order(2)
    void aPatchAndADeleteThatReachAnotherNodeAreForwardedToTheSessionsNode() throws Exception {
        URI onB = url(port(nodeB), redirectedViewer.url().getPath());
        HttpResponse<String> patched = HTTP.send(HttpRequest.newBuilder(onB)
                .header("Content-Type", "application/trickle-ice-sdpfrag").header("If-Match", redirectedViewer.etag())
                .method("PATCH", HttpRequest.BodyPublishers.ofString("a=end-of-candidates\r\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(patched.statusCode()).isEqualTo(204);

        int onC = sessions(nodeC).count(WhipSessions.Kind.WHEP, STREAM);
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(onB).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> sessions(nodeC).count(WhipSessions.Kind.WHEP, STREAM) == onC - 1);
        assertThat(nodeB.getBean(MeterRegistry.class).get("rtc.cluster.forwards").functionCounter().count())
                .isEqualTo(2);

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(url(port(nodeB), "/whep/" + STREAM
                + "/no-such-session")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void anEdgeDropsItsLinkAGraceAfterItsLastViewerLeft() throws Exception {
        viewerOfC.closeAsync().get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).alias("C's link closed; " + load()).until(() -> edges(nodeC).count() == 0);
        // B's session serving C's link is gone with it.
        await().atMost(WAIT).until(() -> nodeB.getBean(ClusterMembership.class).self().viewers() == 2);
    }

    @Test
    @Order(4)
    void killingTheOriginEndsTheEdgesLinksWithinTheTtlAndFreesTheStream() throws Exception {
        long killed = System.nanoTime();
        originProcess.destroyForcibly();
        await().atMost(TTL.multipliedBy(4)).until(() -> directory().node("a") == null
                && directory().lease(STREAM) == null);
        long directoryHealedMs = (System.nanoTime() - killed) / 1_000_000;
        await().atMost(TTL.multipliedBy(4)).until(() -> edges(nodeB).count() == 0
                && sessions(nodeB).count(WhipSessions.Kind.WHEP, STREAM) == 0);
        long edgesClosedMs = (System.nanoTime() - killed) / 1_000_000;

        try (JrtcMediaPeer republisher = JrtcMediaPeer.publisher(clients)) {
            SignalingSession republished = WhipClient.builder(url(port(nodeB), "/whip/" + STREAM))
                    .timeout(SLOW_MACHINE).build().publish(republisher.pc).get(60, TimeUnit.SECONDS);
            republisher.startVideo();
            assertThat(directory().lease(STREAM).nodeId()).isEqualTo("b");
            // A viewer that retries finds the stream again, now pulled by C from B.
            SignalingSession again = WhepClient.builder(url(port(nodeC), "/whep/" + STREAM)).timeout(SLOW_MACHINE)
                    .retries(5, Duration.ofMillis(200), Duration.ofSeconds(2)).build()
                    .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
            viewers.add(again);
            MediaStreamTrack video = receivedTrack(again.peerConnection());
            for (int i = 0; i < 10; i++) {
                EncodedFrame frame = (EncodedFrame) video.recv().get(10, TimeUnit.SECONDS);
                assertThat(republisher.sentFrameHashes).contains(Arrays.hashCode(frame.data()));
            }
            again.closeAsync().get(10, TimeUnit.SECONDS);
            republished.closeAsync().get(10, TimeUnit.SECONDS);
        }
        // A draining node takes nothing new: publishers and viewers alike are sent to a node with room.
        nodeC.getBean(ClusterMembership.class).drain();
        for (String path : List.of("/whep/" + STREAM, "/whip/other-cam")) {
            HttpResponse<String> redirected = HTTP.send(HttpRequest.newBuilder(url(port(nodeC), path))
                    .header("Content-Type", "application/sdp").POST(HttpRequest.BodyPublishers.ofString("v=0\r\n"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redirected.statusCode()).isEqualTo(307);
            assertThat(redirected.headers().firstValue("Location")).hasValue(url(port(nodeB), path) + "?"
                    + ClusterRouting.HOP_PARAMETER + "=1");
        }
        System.out.printf("{\"cluster\":{\"killToDirectoryMs\":%d,\"killToEdgeLinksClosedMs\":%d,\"ttlMs\":%d}}%n",
                directoryHealedMs, edgesClosedMs, TTL.toMillis());
    }

    /** Each node's viewers as it counts them itself (its links to other nodes included), for failure messages. */
    private static String load() {
        return "B " + nodeB.getBean(ClusterMembership.class).self().viewers() + ", C "
                + nodeC.getBean(ClusterMembership.class).self().viewers() + ", A in the directory "
                + directory().node("a") + "; viewers of each node in the directory " + directory().viewers(STREAM);
    }

    private static SignalingSession play(int port) throws Exception {
        SignalingSession session = WhepClient.builder(url(port, "/whep/" + STREAM)).timeout(SLOW_MACHINE).build()
                .play(clients::newPeerConnection).get(60, TimeUnit.SECONDS);
        viewers.add(session);
        return session;
    }

    private static void receiveFramesByteForByte(SignalingSession viewer, int frames) throws Exception {
        MediaStreamTrack video = receivedTrack(viewer.peerConnection());
        for (int i = 0; i < frames; i++) {
            Frame frame = video.recv().get(20, TimeUnit.SECONDS);
            assertThat(frame).isInstanceOf(EncodedFrame.class);
            assertThat(publisher.sentFrameHashes).contains(Arrays.hashCode(((EncodedFrame) frame).data()));
        }
    }

    private static MediaStreamTrack receivedTrack(RTCPeerConnection pc) {
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            if (transceiver.getReceiver().getTrack().getKind() == MediaKind.VIDEO) {
                return transceiver.getReceiver().getTrack();
            }
        }
        throw new AssertionError("no video receiver");
    }

    private static ClusterDirectory directory() {
        return nodeB.getBean(ClusterDirectory.class);
    }

    private static EdgeLinks edges(ConfigurableApplicationContext node) {
        return node.getBean(EdgeLinks.class);
    }

    private static ClusterSessions sessions(ConfigurableApplicationContext node) {
        return node.getBean(ClusterSessions.class);
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
