package io.jrtc.spring.autoconfigure.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service node for cluster tests: the starter's auto-configuration alone, on loopback only (other tests add and
 * remove interfaces in the shared test namespace), with the test Redis and short heartbeats. Runs in the test JVM
 * ({@link #start}) or as a JVM of its own ({@link #main}, which a test can kill with SIGKILL for a true failure).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ClusterTestNode {
    static final String SECRET = "cluster-test-secret-0123456789abcdef";
    static final Duration HEARTBEAT = Duration.ofMillis(250);
    static final Duration TTL = Duration.ofMillis(1500);

    /** The properties of node {@code id} on {@code port} (0 for any); {@code extra} ones add to or replace them. */
    static List<String> properties(String id, int port, int redisPort, String... extra) {
        List<String> defaults = new ArrayList<>(List.of(
                "server.port=" + port, "rtc.include-loopback=true", "rtc.bind-addresses=127.0.0.1",
                "rtc.events.stats-interval=0",
                "rtc.limits.client.creates-per-second-per-address=1000",
                "rtc.limits.client.max-open-per-address=1000", "rtc.limits.operation-timeout=30s",
                "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redisPort,
                "spring.data.redis.timeout=5s", "spring.data.redis.connect-timeout=2s",
                "rtc.cluster.enabled=true", "rtc.cluster.node-id=" + id, "rtc.cluster.secret=" + SECRET,
                "rtc.cluster.heartbeat=" + HEARTBEAT.toMillis() + "ms",
                "rtc.cluster.node-ttl=" + TTL.toMillis() + "ms"));
        if (port != 0) {
            defaults.add("rtc.cluster.public-url=http://127.0.0.1:" + port);
            defaults.add("rtc.cluster.internal-url=http://127.0.0.1:" + port);
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (String property : defaults) {
            byName.put(property.substring(0, property.indexOf('=')), property);
        }
        for (String property : extra) {
            byName.put(property.substring(0, property.indexOf('=')), property);
        }
        return List.copyOf(byName.values());
    }

    static ConfigurableApplicationContext start(String id, int port, int redisPort, String... extra) {
        return new SpringApplicationBuilder(ClusterTestNode.class)
                .properties(properties(id, port, redisPort, extra).toArray(String[]::new)).run();
    }

    /** Runs a node in its own JVM; every argument is a {@code --name=value} property. */
    public static void main(String[] args) {
        SpringApplication.run(ClusterTestNode.class, args);
    }
}
