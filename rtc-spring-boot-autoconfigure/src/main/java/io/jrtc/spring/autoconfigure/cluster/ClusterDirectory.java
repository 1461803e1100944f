package io.jrtc.spring.autoconfigure.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

/**
 * The cluster's soft state in Redis: every entry expires unless its owner rewrites it, so a node that dies leaves
 * within the TTL, and a flushed or restarted Redis is whole again after one heartbeat of every node.
 *
 * <ul>
 *   <li>{@code node:<id>}: a hash with the node's URLs, state and load;</li>
 *   <li>{@code stream:<id>}: the stream's lease, {@code "<node> <epoch>"}, claimed and released atomically by
 *       scripts so two nodes can never both hold it;</li>
 *   <li>{@code epoch:<id>}: the stream's last epoch, so each new claim is numbered above the previous one;</li>
 *   <li>{@code session:<id>}: the node a WHIP or WHEP session lives on, so a PATCH or DELETE that reaches
 *       another node is forwarded to it;</li>
 *   <li>{@code viewers:<id>}: a hash of the stream's viewers per node that serves it (its origin and edges),
 *       rewritten by each node's heartbeat and expiring with the last one;</li>
 *   <li>{@code carriers:<id>}: a hash of the nodes that carry the stream (its origin and the edges whose link is
 *       up), each with the links it serves and its path from the origin, {@code "<links> <origin> ... <node>"},
 *       so a new edge can pull from one with room (node ids have no spaces there).</li>
 * </ul>
 * Every call may throw Spring's {@code DataAccessException} when Redis cannot be reached.
 */
public class ClusterDirectory {
    /**
     * Claims or refreshes a lease. KEYS: lease, epoch counter. ARGV: node, ttl in ms, the epoch the node holds (0 when
     * it holds none). A lease held by another node is returned untouched; a missing one is taken, keeping the
     * caller's epoch when it had one (the node re-writing its own lease after a flush) or numbering a new one.
     */
    private static final DefaultRedisScript<String> CLAIM = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1])
            if current then
              if string.match(current, '^(%S+) ') == ARGV[1] then
                redis.call('PEXPIRE', KEYS[1], ARGV[2])
              end
              return current
            end
            local epoch = tonumber(ARGV[3])
            local last = tonumber(redis.call('GET', KEYS[2]) or '0')
            if epoch == 0 or epoch < last then
              epoch = redis.call('INCR', KEYS[2])
            elseif epoch > last then
              redis.call('SET', KEYS[2], epoch)
            end
            local lease = ARGV[1] .. ' ' .. epoch
            redis.call('SET', KEYS[1], lease, 'PX', ARGV[2])
            return lease
            """, String.class);
    /** Deletes the lease only if it is still exactly the caller's. KEYS: lease. ARGV: "node epoch". */
    private static final DefaultRedisScript<Long> RELEASE = new DefaultRedisScript<>("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public ClusterDirectory(StringRedisTemplate redis, ClusterProperties properties) {
        this.redis = redis;
        this.prefix = properties.getKeyPrefix();
        this.ttl = properties.getNodeTtl();
    }

    /** Writes the node's entry, which lives for one TTL. */
    public void writeNode(ClusterNode node) {
        String key = prefix + "node:" + node.id();
        redis.opsForHash().putAll(key, Map.of(
                "publicUrl", nullToEmpty(node.publicUrl()),
                "internalUrl", nullToEmpty(node.internalUrl()),
                "state", node.state().name(),
                "viewers", Integer.toString(node.viewers()),
                "streams", Integer.toString(node.streams()),
                "maxViewers", Integer.toString(node.maxViewers())));
        redis.expire(key, ttl);
    }

    /** Takes the node out of the directory at once (a graceful shutdown), rather than after the TTL. */
    public void removeNode(String nodeId) {
        redis.delete(prefix + "node:" + nodeId);
    }

    /** The nodes whose entries have not expired, by id. */
    public List<ClusterNode> nodes() {
        List<ClusterNode> nodes = new ArrayList<>();
        ScanOptions match = ScanOptions.scanOptions().match(prefix + "node:*").count(100).build();
        try (Cursor<String> keys = redis.scan(match)) {
            while (keys.hasNext()) {
                String key = keys.next();
                Map<Object, Object> fields = redis.opsForHash().entries(key);
                if (!fields.isEmpty()) {
                    nodes.add(node(key.substring((prefix + "node:").length()), fields));
                }
            }
        }
        nodes.sort(Comparator.comparing(ClusterNode::id));
        return nodes;
    }

    private static ClusterNode node(String id, Map<Object, Object> fields) {
        return new ClusterNode(id, emptyToNull(fields.get("publicUrl")), emptyToNull(fields.get("internalUrl")),
                ClusterNode.State.valueOf(String.valueOf(fields.getOrDefault("state", "SERVING"))),
                number(fields.get("viewers")), number(fields.get("streams")), number(fields.get("maxViewers")));
    }

    /** The node's entry, when it has not expired. */
    public Optional<ClusterNode> node(String nodeId) {
        String key = prefix + "node:" + nodeId;
        Map<Object, Object> fields = redis.opsForHash().entries(key);
        return fields.isEmpty() ? Optional.empty() : Optional.of(node(nodeId, fields));
    }

    /** Writes how many viewers this node serves of each stream; each entry lives for one TTL. */
    public void writeViewers(String nodeId, Map<String, Integer> viewersByStream) {
        viewersByStream.forEach((streamId, viewers) -> {
            String key = prefix + "viewers:" + streamId;
            redis.opsForHash().put(key, nodeId, Integer.toString(viewers));
            redis.expire(key, ttl);
        });
    }

    /** Takes {@code nodeId} out of these streams' viewer counts (a node leaving). */
    public void removeViewers(String nodeId, Collection<String> streamIds) {
        for (String streamId : streamIds) {
            redis.opsForHash().delete(prefix + "viewers:" + streamId, nodeId);
        }
    }

    /** The viewers of {@code streamId} per node serving it, as their last heartbeats wrote them. */
    public Map<String, Integer> viewers(String streamId) {
        Map<String, Integer> viewers = new TreeMap<>();
        redis.opsForHash().entries(prefix + "viewers:" + streamId)
                .forEach((node, count) -> viewers.put(node.toString(), number(count)));
        return viewers;
    }

    /** Notes that {@code carrier} carries {@code streamId}; the entry lives for one TTL. */
    public void writeCarrier(String streamId, StreamCarrier carrier) {
        String key = prefix + "carriers:" + streamId;
        redis.opsForHash().put(key, carrier.nodeId(), carrier.links() + " " + String.join(" ", carrier.path()));
        redis.expire(key, ttl);
    }

    /** Notes that {@code nodeId} no longer carries {@code streamId}. */
    public void removeCarrier(String streamId, String nodeId) {
        redis.opsForHash().delete(prefix + "carriers:" + streamId, nodeId);
    }

    /** The nodes carrying {@code streamId}, as their last heartbeats (or links opening) wrote them. */
    public List<StreamCarrier> carriers(String streamId) {
        List<StreamCarrier> carriers = new ArrayList<>();
        redis.opsForHash().entries(prefix + "carriers:" + streamId).forEach((node, value) -> {
            String[] fields = value.toString().split(" ");
            carriers.add(new StreamCarrier(node.toString(), Integer.parseInt(fields[0]),
                    List.of(fields).subList(1, fields.length)));
        });
        carriers.sort(Comparator.comparing(StreamCarrier::nodeId));
        return carriers;
    }

    /** Notes that these sessions live on {@code nodeId}; each entry lives for one TTL. */
    public void writeSessions(String nodeId, Collection<String> sessionIds) {
        for (String sessionId : sessionIds) {
            redis.opsForValue().set(prefix + "session:" + sessionId, nodeId, ttl);
        }
    }

    /** The node the session lives on, or null when no live node claims it. */
    public String sessionOwner(String sessionId) {
        return redis.opsForValue().get(prefix + "session:" + sessionId);
    }

    /**
     * Claims {@code streamId} for {@code nodeId}, or refreshes the node's claim; {@code heldEpoch} is the epoch the
     * node already holds, 0 for a new claim. Returns the lease as it now stands: the caller's, or another node's.
     */
    public StreamLease claim(String streamId, String nodeId, long heldEpoch) {
        String lease = redis.execute(CLAIM, List.of(prefix + "stream:" + streamId, prefix + "epoch:" + streamId),
                nodeId, Long.toString(ttl.toMillis()), Long.toString(heldEpoch));
        return parse(streamId, lease);
    }

    /** The stream's lease, or null when nobody publishes it. */
    public StreamLease lease(String streamId) {
        String lease = redis.opsForValue().get(prefix + "stream:" + streamId);
        return lease == null ? null : parse(streamId, lease);
    }

    /** Ends the lease if it is still this one. */
    public void release(StreamLease lease) {
        redis.execute(RELEASE, List.of(prefix + "stream:" + lease.streamId()),
                lease.nodeId() + " " + lease.epoch());
    }

    /** Whether Redis answers. */
    public String ping() {
        return redis.execute(connection -> connection.ping(), true);
    }

    private static StreamLease parse(String streamId, String lease) {
        int space = lease.lastIndexOf(' ');
        return new StreamLease(streamId, lease.substring(0, space), Long.parseLong(lease.substring(space + 1)));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(Object text) {
        return text == null || text.toString().isEmpty() ? null : text.toString();
    }

    private static int number(Object text) {
        return text == null ? 0 : Integer.parseInt(text.toString());
    }
}
