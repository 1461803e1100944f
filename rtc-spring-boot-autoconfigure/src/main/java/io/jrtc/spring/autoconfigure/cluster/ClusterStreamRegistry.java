package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.whip.InMemoryStreamRegistry;
import io.jrtc.spring.autoconfigure.whip.PublishedStream;
import io.jrtc.spring.autoconfigure.whip.StreamRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final EdgeLinks links;
    private final ServedLinks served;
    private final String nodeId;
    private final Map<String, StreamLease> leases = new ConcurrentHashMap<>();

    public ClusterStreamRegistry(ClusterDirectory directory, EdgeLinks links, ServedLinks served,
            ClusterProperties properties) {
        this.directory = directory;
        this.links = links;
        this.served = served;
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

    /** A stream published here, or one this node already pulls from its origin. */
    @Override
    public Optional<PublishedStream> find(String streamId) {
        Optional<PublishedStream> published = local.find(streamId);
        return published.isPresent() ? published : links.find(streamId);
    }

    /**
     * The nodes {@code streamId} passes through from its origin to this node, both included, when this node
     * carries it: {@code [this node]} for a stream published here, the link's path for one pulled.
     */
    Optional<List<String>> path(String streamId) {
        return local.find(streamId).isPresent() ? Optional.of(List.of(nodeId)) : links.path(streamId);
    }

    /** As {@link #find}, or else pulled from the node whose lease names it (an edge link). */
    @Override
    public Optional<PublishedStream> findToPlay(String streamId) {
        Optional<PublishedStream> here = find(streamId);
        if (here.isPresent()) {
            return here;
        }
        StreamLease lease;
        try {
            lease = directory.lease(streamId);
        } catch (DataAccessException e) {
            throw new ClusterUnavailableException("playing " + streamId, e);
        }
        if (lease == null || lease.nodeId().equals(nodeId)) {
            return Optional.empty();
        }
        return Optional.of(links.pull(lease));
    }

    @Override
    public boolean unpublish(PublishedStream stream) {
        if (!local.unpublish(stream)) {
            return false;
        }
        StreamLease lease = leases.remove(stream.streamId());
        if (lease != null) {
            try {
                directory.removeCarrier(stream.streamId(), nodeId);
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

    /**
     * A heartbeat's share of the streams: idle edge links close (whether Redis answers or not), and those whose
     * origin left the directory or whose lease ended; leases are rewritten; viewers waiting for a republish move
     * to it or end; the viewers per stream this node serves are written, and for each stream it carries, its path
     * from the origin and the links it serves other nodes.
     */
    void heartbeat() {
        links.closeIdle();
        links.closeOrphans();
        refreshLeases();
        links.relinkWaiting();
        Map<String, Integer> viewers = new HashMap<>(links.viewers());
        local.all().forEach(stream -> viewers.put(stream.streamId(), stream.viewers()));
        directory.writeViewers(nodeId, viewers);
        for (String streamId : viewers.keySet()) {
            path(streamId).ifPresent(path -> directory.writeCarrier(streamId,
                    new StreamCarrier(nodeId, served.count(streamId), path)));
        }
    }

    /**
     * Rewrites every lease this node holds (a heartbeat): refreshed, or taken again with its epoch when the entry
     * is gone (Redis flushed or restarted). A lease that another node took meanwhile is reported, not fought over.
     */
    private void refreshLeases() {
        for (StreamLease held : leases.values()) {
            StreamLease now = directory.claim(held.streamId(), nodeId, held.epoch());
            if (!now.nodeId().equals(nodeId)) {
                LOG.log(System.Logger.Level.WARNING, "stream " + held.streamId() + " is now held by node "
                        + now.nodeId() + " (epoch " + now.epoch() + "); this node's lease had expired");
            }
        }
    }

    /**
     * Ends every lease this node holds and takes its viewer counts out of the directory (a node leaving after a
     * drain), so nobody counts it as serving a stream any more.
     */
    void releaseAll() {
        leases.values().forEach(directory::release);
        leases.clear();
        Set<String> served = new HashSet<>(links.viewers().keySet());
        local.all().forEach(stream -> served.add(stream.streamId()));
        directory.removeViewers(nodeId, served);
    }
}
