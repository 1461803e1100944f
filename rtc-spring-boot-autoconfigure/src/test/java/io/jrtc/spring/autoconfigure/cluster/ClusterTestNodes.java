package io.jrtc.spring.autoconfigure.cluster;

import java.time.Duration;
import java.util.List;

/** What the cluster tests that run nodes on known ports share: the nodes' properties and the teardown. */
final class ClusterTestNodes {
    private ClusterTestNodes() {
    }

    /** A node on loopback at {@code port}, for clients and nodes alike, heartbeating every 250 ms. */
    static List<String> atPort(int port, Duration ttl) {
        return List.of("server.port=" + port, "rtc.cluster.public-url=http://127.0.0.1:" + port,
                "rtc.cluster.internal-url=http://127.0.0.1:" + port, "rtc.cluster.heartbeat=250ms",
                "rtc.cluster.node-ttl=" + ttl.toMillis() + "ms");
    }

    /** Closes, in this order, each of {@code resources} that was made (a failed start leaves some null). */
    static void closeAll(AutoCloseable... resources) throws Exception {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
