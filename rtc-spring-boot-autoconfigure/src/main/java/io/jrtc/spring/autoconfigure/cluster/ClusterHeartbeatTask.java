package io.jrtc.spring.autoconfigure.cluster;

/** Work that rides on this node's heartbeat, after its entry and leases are written; may throw when Redis fails. */
@FunctionalInterface
public interface ClusterHeartbeatTask {
    void beat();
}
