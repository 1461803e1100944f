package io.jrtc.spring.autoconfigure.cluster;

import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.whip.WhipSessions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * This node's part in the directory: a heartbeat rewrites its entry (URLs, state, load) and the leases of the
 * streams it publishes. Stopping drains: the node is marked draining in the directory at once (so placement sends
 * new sessions elsewhere and this node redirects the POSTs it gets), stays so while viewers still play from it,
 * up to {@code rtc.cluster.drain-timeout}, then releases its leases and viewer counts and removes its entry, all
 * before the web server and the connections stop. The last heartbeat's outcome is kept for the health indicator.
 */
public class ClusterMembership implements SmartLifecycle {
    private static final System.Logger LOG = System.getLogger(ClusterMembership.class.getName());
    private final ClusterDirectory directory;
    private final ClusterStreamRegistry streams;
    private final ObjectProvider<WhipSessions> sessions;
    /** Every session's id is its connection's: the heartbeat notes them all as this node's. */
    private final ObjectProvider<PeerConnectionService> connections;
    private final ClusterProperties properties;
    private final ClusterMetrics metrics;
    private final AtomicReference<Throwable> lastFailure = new AtomicReference<>();
    private volatile ClusterNode.State state = ClusterNode.State.SERVING;
    private ScheduledExecutorService heartbeats;
    /** Told when a drain has ended and the node left the directory; null unless stopping. */
    private Runnable onLeft;
    /** When a drain ends even if viewers remain ({@link System#nanoTime()}). */
    private long drainDeadline;

    public ClusterMembership(ClusterDirectory directory, ClusterStreamRegistry streams, ObjectProvider<WhipSessions> sessions,
            ObjectProvider<PeerConnectionService> connections, ClusterProperties properties, ClusterMetrics metrics) {
        this.directory = directory;
        this.streams = streams;
        this.sessions = sessions;
        this.connections = connections;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** This node as it describes itself in the directory now. */
    public ClusterNode self() {
        return new ClusterNode(properties.getNodeId(), properties.getPublicUrl(), properties.getInternalUrl(), state,
                viewers(), streams.size(), properties.getMaxViewers());
    }

    /** Rewrites the node's entry and its leases; runs every heartbeat, and may be called to heal at once. */
    public void heartbeat() {
        long start = System.nanoTime();
        try {
            directory.writeNode(self());
            streams.heartbeat();
            PeerConnectionService service = connections.getIfAvailable();
            if (service != null) {
                directory.writeSessions(properties.getNodeId(),
                        service.list().stream().map(ManagedPeerConnection::id).toList());
            }
            metrics.heartbeat(System.nanoTime() - start, directory.nodes().size());
            if (lastFailure.getAndSet(null) != null) {
                LOG.log(System.Logger.Level.INFO, "cluster directory reachable again");
            }
        } catch (RuntimeException e) {
            if (lastFailure.getAndSet(e) == null) {
                LOG.log(System.Logger.Level.WARNING, "cluster heartbeat failed: " + e.getMessage());
            }
        }
        leaveWhenDrained();
    }

    /** The failure of the last heartbeat, or null when it reached the directory. */
    public Throwable lastFailure() {
        return lastFailure.get();
    }

    /**
     * Takes no new sessions from now on (POSTs are redirected) while keeping the ones it has, and says so in the
     * directory at once.
     */
    public void drain() {
        state = ClusterNode.State.DRAINING;
        heartbeat();
    }

    public ClusterNode.State state() {
        return state;
    }

    @Override
    public synchronized void start() {
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jrtc-cluster-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long period = properties.getHeartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Stopped first on shutdown (the default phase, above the web server's graceful shutdown), so that the node
     * still answers while it drains: its POSTs are redirected and its viewers keep playing.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /**
     * Drains, then leaves: marked draining in the directory now; {@code callback} runs once no viewer plays from
     * this node (local viewers and edges pulling its streams; publishers must move anyway, which they can once the
     * lease is released) or {@code rtc.cluster.drain-timeout} has passed, and the node has left the directory.
     */
    @Override
    public void stop(Runnable callback) {
        ScheduledExecutorService running;
        synchronized (this) {
            running = heartbeats;
            if (running == null || onLeft != null) {
                callback.run();
                return;
            }
            onLeft = callback;
            drainDeadline = System.nanoTime() + properties.getDrainTimeout().toNanos();
            state = ClusterNode.State.DRAINING;
        }
        running.execute(this::heartbeat);
    }

    /** Drains and leaves, returning once the node has left the directory. */
    @Override
    public void stop() {
        CountDownLatch left = new CountDownLatch(1);
        stop(left::countDown);
        try {
            left.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves the directory once a drain has ended (no viewers left, or its time is up). */
    private void leaveWhenDrained() {
        Runnable callback;
        synchronized (this) {
            if (onLeft == null || (viewers() > 0 && System.nanoTime() - drainDeadline < 0)) {
                return;
            }
            callback = onLeft;
            onLeft = null;
            heartbeats.shutdown();
            heartbeats = null;
        }
        try {
            streams.releaseAll();
            directory.removeNode(properties.getNodeId());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "leaving the cluster directory failed; entries expire after "
                    + properties.getNodeTtl() + ": " + e.getMessage());
        } finally {
            callback.run();
        }
    }

    private int viewers() {
        WhipSessions whip = sessions.getIfAvailable();
        return whip == null ? 0 : whip.count(WhipSessions.Kind.WHEP);
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeats != null;
    }
}
