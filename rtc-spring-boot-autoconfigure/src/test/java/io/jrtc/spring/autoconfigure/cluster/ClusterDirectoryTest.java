package io.jrtc.spring.autoconfigure.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.ToneAudioTrack;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.whip.HttpSignalingException;
import io.jrtc.whip.SignalingSession;
import io.jrtc.whip.WhipClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Two service nodes in one JVM sharing a real redis-server: stream leases hold across nodes (409), the directory
 * is soft state that heals after a FLUSHALL or a Redis restart within a heartbeat, a node that stops leaves at
 * once, and one that stops heartbeating leaves after the TTL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDirectoryTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(250);
    private static final Duration TTL = Duration.ofMillis(1500);
    static final String SECRET = "cluster-test-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static RedisServerProcess redis;
    private static RtcEngine clients;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static final List<SignalingSession> sessions = new ArrayList<>();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Node {
    }

    @BeforeAll
    static void start() throws Exception {
        redis = new RedisServerProcess();
        // Loopback candidates: the nodes, like any starter, check private ranges only when configured to.
        clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        nodeA = node("a");
        nodeB = node("b");
    }

    @AfterAll
    static void stop() throws Exception {
        for (SignalingSession session : sessions) {
            session.peerConnection().close();
        }
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
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
        return new SpringApplicationBuilder(Node.class).properties(nodeProperties(id, redis.port()))
                .properties("server.port=0", "rtc.cluster.public-url=http://" + id + ".example.test",
                        "rtc.cluster.heartbeat=" + HEARTBEAT.toMillis() + "ms",
                        "rtc.cluster.node-ttl=" + TTL.toMillis() + "ms").run();
    }

    /** What every cluster test's node has: loopback media, Redis on {@code redisPort}, cluster mode on. */
    static String[] nodeProperties(String id, int redisPort) {
        return new String[] {"rtc.include-loopback=true", "rtc.events.stats-interval=0",
                "rtc.limits.client.creates-per-second-per-address=1000",
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
                "spring.data.redis.timeout=5s", "spring.data.redis.connect-timeout=2s",
                "rtc.cluster.enabled=true", "rtc.cluster.node-id=" + id, "rtc.cluster.secret=" + SECRET};
    }

    @Test
    void bothNodesAreListedWithTheirUrlsAndState() {
        await().atMost(Duration.ofSeconds(5)).until(() -> directory().nodes().size() >= 2);
        assertThat(directory().nodes()).filteredOn(node -> node.id().equals("a")).singleElement()
                .satisfies(node -> {
                    assertThat(node.publicUrl()).isEqualTo("http://a.example.test");
                    assertThat(node.state()).isEqualTo(ClusterNode.State.SERVING);
                });
    }

    @Test
    void aStreamPublishedOnOneNodeIsRefusedOnTheOtherEvenAfterAFlush() throws Exception {
        SignalingSession published = publish(nodeA, "cam-lease");
        StreamLease lease = directory().lease("cam-lease");
        assertThat(lease.nodeId()).isEqualTo("a");
        assertThat(conflictOn(nodeB, "cam-lease").getStatus()).isEqualTo(409);

        nodeA.getBean(StringRedisTemplate.class).execute(connection -> {
            connection.serverCommands().flushAll();
            return null;
        }, true);
        // One heartbeat rewrites the lease with the epoch it had, and the node entries.
        await().atMost(HEARTBEAT.multipliedBy(3)).until(() -> directory().lease("cam-lease") != null
                && directory().nodes().size() >= 2);
        assertThat(directory().lease("cam-lease")).isEqualTo(lease);
        assertThat(conflictOn(nodeB, "cam-lease").getStatus()).isEqualTo(409);

        published.closeAsync().get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> directory().lease("cam-lease") == null);
        SignalingSession republished = publish(nodeB, "cam-lease");
        assertThat(directory().lease("cam-lease").nodeId()).isEqualTo("b");
        assertThat(directory().lease("cam-lease").epoch()).isGreaterThan(lease.epoch());
        republished.closeAsync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anEntryNobodyRewritesLeavesAfterTheTtl() {
        directory().writeNode(new ClusterNode("ghost", null, null, ClusterNode.State.SERVING, 0, 0, 0));
        assertThat(directory().nodes()).extracting(ClusterNode::id).contains("ghost");
        await().atMost(TTL.multipliedBy(2)).until(() -> directory().nodes().stream()
                .noneMatch(node -> node.id().equals("ghost")));
    }

    @Test
    void theInternalEndpointAnswers401WithoutAValidToken404ForAStreamNotPublishedHereAnd413ForAHugeBody() throws Exception {
        String offer = "v=0\r\n";
        ClusterTokens tokens = nodeA.getBean(ClusterTokens.class);
        assertThat(internalPost(nodeA, "cam-internal", null, offer).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = internalPost(nodeA, "cam-internal", "not-a-token", offer);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("urn:jrtc:problem:cluster-unauthorized");
        String otherStream = tokens.issue("b", "another-cam");
        assertThat(internalPost(nodeA, "cam-internal", otherStream, offer).statusCode()).isEqualTo(401);
        String valid = tokens.issue("b", "cam-internal");
        assertThat(internalPost(nodeA, "cam-internal", valid, offer).statusCode()).isEqualTo(404);
        // An outsider's oversized body is refused before it is read, token or not.
        assertThat(internalPost(nodeA, "cam-internal", null, "v=0\r\n" + "a=x\r\n".repeat(80_000)).statusCode())
                .isEqualTo(413);
    }

    @Test
    void aNodeWithoutASecretDoesNotStart() {
        Throwable failure = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> new SpringApplicationBuilder(Node.class).properties("server.port=0",
                        "spring.data.redis.port=" + redis.port(), "rtc.cluster.enabled=true").run().close());
        assertThat(failure).hasRootCauseInstanceOf(ClusterSecretException.class);
    }

    /** Last: the outage must not overlap the other cases. */
    @Test
    @Order(Integer.MAX_VALUE)
    void withRedisDownAPublishIs503AndHealthIsDownThenARestartHeals() throws Exception {
        redis.stop();
        try {
            HttpSignalingException refused = conflictOn(nodeB, "cam-outage");
            assertThat(refused.getStatus()).isEqualTo(503);
            assertThat(refused.getType()).endsWith("cluster-unavailable");
            ClusterHealthIndicator health = nodeB.getBean(ClusterHealthIndicator.class);
            await().atMost(Duration.ofSeconds(5)).until(() -> health.health().getStatus().equals(Status.DOWN));
        } finally {
            redis.start();
        }
        // Lettuce reconnects within a heartbeat (its back-off is capped there), then one heartbeat rewrites all.
        // the test's own client may still be reconnecting too: "not connected" until then is no failure
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> directory().nodes().size() >= 2);
        ClusterHealthIndicator health = nodeB.getBean(ClusterHealthIndicator.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> health.health().getStatus().equals(Status.UP));
    }

    private static HttpResponse<String> internalPost(ConfigurableApplicationContext node, String stream, String token,
            String offer) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + ClusterWhepController.PATH + "/" + stream)).header("Content-Type", "application/sdp")
                .POST(HttpRequest.BodyPublishers.ofString(offer));
        if (token != null) {
            post.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ClusterDirectory directory() {
        return nodeA.getBean(ClusterDirectory.class);
    }

    private static SignalingSession publish(ConfigurableApplicationContext node, String stream) throws Exception {
        SignalingSession session = whip(node, stream).publish(ClusterDirectoryTest::toneSender)
                .get(20, TimeUnit.SECONDS);
        sessions.add(session);
        return session;
    }

    private static HttpSignalingException conflictOn(ConfigurableApplicationContext node, String stream) {
        CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> whip(node, stream).publish(ClusterDirectoryTest::toneSender).join());
        assertThat(failure.getCause()).isInstanceOf(HttpSignalingException.class);
        return (HttpSignalingException) failure.getCause();
    }

    private static RTCPeerConnection toneSender(io.jrtc.pc.RTCConfiguration config) {
        RTCPeerConnection pc = clients.newPeerConnection(config);
        pc.addTransceiver(new ToneAudioTrack(440, 8000), RTCRtpTransceiverDirection.SENDONLY);
        return pc;
    }

    private static WhipClient whip(ConfigurableApplicationContext node, String stream) {
        String port = node.getEnvironment().getProperty("local.server.port");
        return WhipClient.builder(URI.create("http://127.0.0.1:" + port + "/whip/" + stream)).build();
    }
}
