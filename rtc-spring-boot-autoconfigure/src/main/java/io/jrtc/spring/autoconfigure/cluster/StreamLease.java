package io.jrtc.spring.autoconfigure.cluster;

/**
 * Who publishes a stream in the cluster: its origin node and the epoch of that claim. Each new claim of a stream
 * (after its previous lease ended or expired) gets a higher epoch, so a node can tell a republish from its own
 * stale lease.
 */
public record StreamLease(String streamId, String nodeId, long epoch) {
}
