package io.jrtc.spring.autoconfigure.cluster;

import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cluster mode ({@code rtc.cluster.*}): several service nodes share a directory in Redis (the connection is Spring
 * Boot's own, {@code spring.data.redis.*}). Off unless {@code rtc.cluster.enabled=true}.
 */
@ConfigurationProperties("rtc.cluster")
public class ClusterProperties {
    /** Whether this node joins the cluster directory. */
    private boolean enabled;
    /** This node's name in the directory; unique per node. A random one when unset. */
    private String nodeId = "node-" + UUID.randomUUID().toString().substring(0, 8);
    /** Where clients are sent to reach this node (redirects), e.g. https://edge1.example.org. */
    private String publicUrl;
    /** Where other nodes reach this node, e.g. http://10.0.0.5:8080. */
    private String internalUrl;
    /** How often this node rewrites its entries in the directory. */
    private Duration heartbeat = Duration.ofSeconds(2);
    /** How long an entry outlives the node's last heartbeat: a node that dies leaves the directory after it. */
    private Duration nodeTtl = Duration.ofSeconds(6);
    /**
     * The secret every node of the cluster shares (at least 16 bytes): node-to-node calls carry short-lived
     * HMAC-SHA256 tokens made from it. Required in cluster mode.
     */
    private String secret;
    /** Viewers this node serves before it redirects new ones elsewhere; 0 for no limit. */
    private int maxViewers;
    /** How long an edge keeps pulling a stream after its last local viewer left, for the next one to join fast. */
    private Duration edgeLinkGrace = Duration.ofSeconds(10);
    /** How long an edge waits for a stream's origin to answer its pull, per request. */
    private Duration edgeLinkTimeout = Duration.ofSeconds(10);
    /**
     * Links to other nodes one node serves per stream, the origin and each edge alike; a further edge pulls the
     * stream from an edge that carries it and has room, so the links form a tree. 0 for no limit.
     */
    private int maxLinksPerStream;
    /**
     * How long an edge keeps the viewers of a stream whose publisher left (or whose origin node died) for it to be
     * published again, on any node: they then play the new publisher without new sessions. 0: they end at once.
     */
    private Duration republishGrace = Duration.ZERO;
    /** How many hops from its origin a stream may travel through edges pulling from edges; at least 1. */
    private int maxLinkDepth = 3;
    /**
     * How long a node that is shutting down stays in the directory as draining while viewers still play from it:
     * new sessions go to other nodes meanwhile. It leaves as soon as its last viewer did. Keep it below
     * {@code spring.lifecycle.timeout-per-shutdown-phase}; 0 leaves at once.
     */
    private Duration drainTimeout = Duration.ZERO;
    /** Prefix of every key this cluster writes, so several clusters can share one Redis. */
    private String keyPrefix = "jrtc:";

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getInternalUrl() {
        return internalUrl;
    }

    public void setInternalUrl(String internalUrl) {
        this.internalUrl = internalUrl;
    }

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public void setHeartbeat(Duration heartbeat) {
        this.heartbeat = heartbeat;
    }

    public Duration getNodeTtl() {
        return nodeTtl;
    }

    public void setNodeTtl(Duration nodeTtl) {
        this.nodeTtl = nodeTtl;
    }

    public int getMaxViewers() {
        return maxViewers;
    }

    public void setMaxViewers(int maxViewers) {
        this.maxViewers = maxViewers;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Duration getEdgeLinkGrace() {
        return edgeLinkGrace;
    }

    public void setEdgeLinkGrace(Duration edgeLinkGrace) {
        this.edgeLinkGrace = edgeLinkGrace;
    }

    public Duration getEdgeLinkTimeout() {
        return edgeLinkTimeout;
    }

    public void setEdgeLinkTimeout(Duration edgeLinkTimeout) {
        this.edgeLinkTimeout = edgeLinkTimeout;
    }

    public Duration getRepublishGrace() {
        return republishGrace;
    }

    public void setRepublishGrace(Duration republishGrace) {
        this.republishGrace = republishGrace;
    }

    public int getMaxLinksPerStream() {
        return maxLinksPerStream;
    }

    public void setMaxLinksPerStream(int maxLinksPerStream) {
        this.maxLinksPerStream = maxLinksPerStream;
    }

    public int getMaxLinkDepth() {
        return maxLinkDepth;
    }

    public void setMaxLinkDepth(int maxLinkDepth) {
        if (maxLinkDepth < 1) {
            throw new IllegalArgumentException("rtc.cluster.max-link-depth must be at least 1, not " + maxLinkDepth);
        }
        this.maxLinkDepth = maxLinkDepth;
    }

    public Duration getDrainTimeout() {
        return drainTimeout;
    }

    public void setDrainTimeout(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }
}
