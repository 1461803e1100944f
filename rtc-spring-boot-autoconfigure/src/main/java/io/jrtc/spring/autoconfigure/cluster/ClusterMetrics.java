package io.jrtc.spring.autoconfigure.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the cluster code counts, whether or not Micrometer is there to publish it ({@link ClusterMeters}): redirects
 * by outcome, forwarded session requests, heartbeats and their time, and the nodes the last heartbeat saw.
 */
public class ClusterMetrics {
    private final ConcurrentMap<String, AtomicLong> redirects = new ConcurrentHashMap<>();
    private final AtomicLong forwards = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong heartbeatNanos = new AtomicLong();
    private volatile int nodes;

    /** A POST this node had no room for: {@code redirected} (307) or {@code no-room} (503). */
    void redirect(String outcome) {
        redirects.computeIfAbsent(outcome, key -> new AtomicLong()).incrementAndGet();
    }

    long redirects(String outcome) {
        AtomicLong count = redirects.get(outcome);
        return count == null ? 0 : count.get();
    }

    /** A PATCH or DELETE of a session on another node, passed on to it. */
    void forward() {
        forwards.incrementAndGet();
    }

    long forwards() {
        return forwards.get();
    }

    void heartbeat(long nanos, int nodesSeen) {
        heartbeats.incrementAndGet();
        heartbeatNanos.addAndGet(nanos);
        nodes = nodesSeen;
    }

    long heartbeats() {
        return heartbeats.get();
    }

    double heartbeatSeconds() {
        return heartbeatNanos.get() / 1e9;
    }

    /** Live nodes in the directory at the last heartbeat, this one included. */
    int nodes() {
        return nodes;
    }
}
