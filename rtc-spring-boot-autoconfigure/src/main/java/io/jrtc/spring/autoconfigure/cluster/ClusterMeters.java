package io.jrtc.spring.autoconfigure.cluster;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of cluster mode: {@code rtc.cluster.nodes}, {@code rtc.cluster.leases} (streams this node is
 * the origin of), {@code rtc.cluster.edge.links}, {@code rtc.cluster.redirects{outcome}},
 * {@code rtc.cluster.forwards} and {@code rtc.cluster.heartbeat.duration}.
 */
public class ClusterMeters implements MeterBinder {
    private final ClusterMetrics metrics;
    private final ClusterStreamRegistry streams;
    private final EdgeLinks links;

    public ClusterMeters(ClusterMetrics metrics, ClusterStreamRegistry streams, EdgeLinks links) {
        this.metrics = metrics;
        this.streams = streams;
        this.links = links;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rtc.cluster.nodes", metrics, ClusterMetrics::nodes)
                .description("Live nodes in the cluster directory at the last heartbeat").register(registry);
        Gauge.builder("rtc.cluster.leases", streams, ClusterStreamRegistry::size)
                .description("Streams this node holds the lease of (is the origin of)").register(registry);
        Gauge.builder("rtc.cluster.edge.links", links, EdgeLinks::size)
                .description("Streams this node pulls from their origin").register(registry);
        for (String outcome : new String[] {"redirected", "no-room"}) {
            FunctionCounter.builder("rtc.cluster.redirects", metrics, m -> m.redirects(outcome)).tag("outcome", outcome)
                    .description("POSTs this node had no room for").register(registry);
        }
        FunctionCounter.builder("rtc.cluster.forwards", metrics, ClusterMetrics::forwards)
                .description("Session requests passed on to the node that owns the session").register(registry);
        FunctionTimer.builder("rtc.cluster.heartbeat.duration", metrics, ClusterMetrics::heartbeats,
                        ClusterMetrics::heartbeatSeconds, TimeUnit.SECONDS)
                .description("Time a heartbeat took to rewrite this node's directory entries").register(registry);
    }
}
