package io.jrtc.spring.autoconfigure.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code cluster}: up while the heartbeats reach the directory, with this node's id, state and load. */
public class ClusterHealthIndicator implements HealthIndicator {
    private final ClusterMembership membership;

    public ClusterHealthIndicator(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public Health health() {
        ClusterNode self = membership.self();
        Throwable failure = membership.lastFailure();
        Health.Builder health = failure == null ? Health.up() : Health.down().withDetail("error",
                failure.getMessage());
        return health.withDetail("nodeId", self.id()).withDetail("state", self.state().name())
                .withDetail("viewers", self.viewers()).withDetail("streams", self.streams()).build();
    }
}
