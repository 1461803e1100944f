package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.InMemoryStreamRegistry;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessException;

/**
 * The streams published on this node, each held by a lease in the cluster directory: a stream published on
 * another node is refused here as a local second publisher is (409), and when the directory cannot be reached a
 * publish is refused (503) rather than risking two origins.
 */
public class ClusterStreamRegistry implements StreamRegistry {
    private static final System.Logger LOG = System.getLogger(ClusterStreamRegistry.class.getName());
    private final StreamRegistry local = new InMemoryStreamRegistry();
    private final ClusterDirectory directory;
    private final String nodeId;
    private final Map<String, StreamLease> leases = new ConcurrentHashMap<>();

    public ClusterStreamRegistry(ClusterDirectory directory, ClusterProperties properties) {
        this.directory = directory;
        this.nodeId = properties.getNodeId();
    }

    @Override
    public boolean publish(PublishedStream stream) {
        StreamLease lease;
        try {
            lease = directory.claim(stream.streamId(), nodeId, 0);
        } catch (DataAccessException e) {
            throw new ClusterUnavailableException("publishing " + stream.streamId(), e);
        }
        if (!lease.nodeId().equals(nodeId)) {
            return false;
        }
        if (!local.publish(stream)) {
            return false;
        }
        leases.put(stream.streamId(), lease);
        return true;
    }

    @Override
    public Optional<PublishedStream> find(String streamId) {
        return local.find(streamId);
    }

    @Override
    public boolean unpublish(PublishedStream stream) {
        if (!local.unpublish(stream)) {
            return false;
        }
        StreamLease lease = leases.remove(stream.streamId());
        if (lease != null) {
            try {
                directory.release(lease);
            } catch (DataAccessException e) {
                LOG.log(System.Logger.Level.WARNING, "could not release the lease of " + stream.streamId()
                        + "; it expires after the node TTL: " + e.getMessage());
            }
        }
        return true;
    }

    @Override
    public Collection<PublishedStream> all() {
        return local.all();
    }

    /** The lease this node holds on {@code streamId}, if it publishes it. */
    public Optional<StreamLease> lease(String streamId) {
        return Optional.ofNullable(leases.get(streamId));
    }

    /**
     * Rewrites every lease this node holds (a heartbeat): refreshed, or taken again with its epoch when the entry
     * is gone (Redis flushed or restarted). A lease that another node took meanwhile is reported, not fought over.
     */
    void refreshLeases() {
        for (StreamLease held : leases.values()) {
            StreamLease now = directory.claim(held.streamId(), nodeId, held.epoch());
            if (!now.nodeId().equals(nodeId)) {
                LOG.log(System.Logger.Level.WARNING, "stream " + held.streamId() + " is now held by node "
                        + now.nodeId() + " (epoch " + now.epoch() + "); this node's lease had expired");
            }
        }
    }

    /** Ends every lease this node holds (a graceful shutdown). */
    void releaseAll() {
        leases.values().forEach(directory::release);
        leases.clear();
    }
}
