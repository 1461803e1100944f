package io.jrtc.spring.autoconfigure.cluster;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * {@code rtc.cluster.*} meters: the nodes in the directory, the leases this node holds, its edge links, the POSTs
 * it redirected or refused for want of room, the requests it forwarded to a session's node, and how long its last
 * heartbeat took (the directory's latency). Edge, routing and forwarding meters appear in a web application.
 */
public class ClusterMetrics implements MeterBinder {
    private final ClusterMembership membership;
    private final ClusterStreamRegistry streams;
    private final ObjectProvider<EdgeLinks> edges;
    private final ObjectProvider<ClusterRouting> routing;
    private final ObjectProvider<SessionForwarder> forwarder;

    public ClusterMetrics(ClusterMembership membership, ClusterStreamRegistry streams, ObjectProvider<EdgeLinks> edges,
            ObjectProvider<ClusterRouting> routing, ObjectProvider<SessionForwarder> forwarder) {
        this.membership = membership;
        this.streams = streams;
        this.edges = edges;
        this.routing = routing;
        this.forwarder = forwarder;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rtc.cluster.nodes", membership, ClusterMembership::lastNodeCount)
                .description("Nodes in the cluster directory at the last heartbeat").register(registry);
        Gauge.builder("rtc.cluster.leases", streams, ClusterStreamRegistry::leaseCount)
                .description("Stream leases this node holds (streams it is the origin of)").register(registry);
        TimeGauge.builder("rtc.cluster.heartbeat.duration", membership, TimeUnit.NANOSECONDS,
                ClusterMembership::lastHeartbeatNanos)
                .description("How long the last heartbeat's round trips to the directory took").register(registry);
        EdgeLinks links = edges.getIfAvailable();
        if (links != null) {
            Gauge.builder("rtc.cluster.edge.links", links, EdgeLinks::count)
                    .description("Streams this node pulls from another node").register(registry);
        }
        ClusterRouting placement = routing.getIfAvailable();
        if (placement != null) {
            FunctionCounter.builder("rtc.cluster.redirects", placement, ClusterRouting::redirects)
                    .description("POSTs sent to another node with 307").tag("outcome", "redirected")
                    .register(registry);
            FunctionCounter.builder("rtc.cluster.redirects", placement, ClusterRouting::refusals)
                    .description("POSTs sent to another node with 307").tag("outcome", "refused")
                    .register(registry);
        }
        SessionForwarder forwards = forwarder.getIfAvailable();
        if (forwards != null) {
            FunctionCounter.builder("rtc.cluster.forwards", forwards, SessionForwarder::forwards)
                    .description("PATCH and DELETE requests forwarded to the node holding their session")
                    .register(registry);
        }
    }
}
