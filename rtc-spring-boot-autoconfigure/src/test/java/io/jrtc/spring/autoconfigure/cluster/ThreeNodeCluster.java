package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nodes a, b and c in this JVM as separate Spring contexts on loopback, sharing a real redis-server, with a fast
 * heartbeat (250 ms, TTL 1.5 s) and the given extra properties on every node; and an engine for the test's own
 * publishers and viewers. Closing stops them all.
 */
final class ThreeNodeCluster implements AutoCloseable {
    final RedisServerProcess redis;
    final RtcEngine clients;
    final ConfigurableApplicationContext a;
    final ConfigurableApplicationContext b;
    final ConfigurableApplicationContext c;

    private ThreeNodeCluster(RedisServerProcess redis, RtcEngine clients, ConfigurableApplicationContext a,
            ConfigurableApplicationContext b, ConfigurableApplicationContext c) {
        this.redis = redis;
        this.clients = clients;
        this.a = a;
        this.b = b;
        this.c = c;
    }

    /** Starts the three nodes at once, each with {@code properties} on top of the cluster test settings. */
    static ThreeNodeCluster start(String... properties) throws Exception {
        RedisServerProcess redis = new RedisServerProcess();
        RtcEngine clients = RtcEngine.create(RtcEngineSettings.defaults().withIncludeLoopback(true));
        CompletableFuture<ConfigurableApplicationContext> a = startNode("a", redis, properties);
        CompletableFuture<ConfigurableApplicationContext> b = startNode("b", redis, properties);
        CompletableFuture<ConfigurableApplicationContext> c = startNode("c", redis, properties);
        return new ThreeNodeCluster(redis, clients, a.get(120, TimeUnit.SECONDS), b.get(120, TimeUnit.SECONDS),
                c.get(120, TimeUnit.SECONDS));
    }

    private static CompletableFuture<ConfigurableApplicationContext> startNode(String id, RedisServerProcess redis,
            String... properties) {
        return CompletableFuture.supplyAsync(() -> {
            int port = ClusterEdgeTest.freePort();
            return new SpringApplicationBuilder(ClusterDirectoryTest.Node.class)
                    .listeners(SerialLoggingStart.listeners())
                    .properties(ClusterDirectoryTest.nodeProperties(id, redis.port()))
                    .properties("server.port=" + port, "rtc.cluster.public-url=http://127.0.0.1:" + port,
                            "rtc.cluster.internal-url=http://127.0.0.1:" + port, "rtc.cluster.heartbeat=250ms",
                            "rtc.cluster.node-ttl=1500ms")
                    .properties(properties).run();
        });
    }

    @Override
    public void close() throws Exception {
        c.close();
        b.close();
        a.close();
        clients.close();
        redis.close();
    }
}
