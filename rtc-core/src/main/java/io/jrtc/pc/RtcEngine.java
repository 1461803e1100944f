package io.jrtc.pc;

import io.jrtc.net.EventLoops;
import io.jrtc.net.LocalAddresses;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What peer connections share: the event loops, the UDP port range and addresses, the pool DTLS handshakes run
 * on and the pool user callbacks run on. One per application; {@link #shared()} is the default.
 */
public final class RtcEngine implements AutoCloseable {
    private static volatile RtcEngine shared;

    private final RtcEngineSettings settings;
    private final EventLoops loops;
    private final ExecutorService handshakes;
    private final ExecutorService callbacks;
    private final Set<RTCPeerConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private MdnsResolution mdns;

    private RtcEngine(RtcEngineSettings settings) {
        this.settings = settings;
        this.loops = new EventLoops(settings.eventLoopThreads());
        int cores = Runtime.getRuntime().availableProcessors();
        // DTLS handshakes block inside BouncyCastle while they wait for records, so the pool may grow, but only
        // while handshakes are in flight; established connections hold no thread.
        this.handshakes = elasticPool("jrtc-dtls", Math.max(64, cores * 16));
        this.callbacks = elasticPool("jrtc-callback", Math.max(8, cores * 4));
    }

    public static RtcEngine create(RtcEngineSettings settings) {
        return new RtcEngine(settings);
    }

    /** The default engine, created on first use with default settings; closed when the JVM exits. */
    public static RtcEngine shared() {
        RtcEngine engine = shared;
        if (engine == null || engine.closed) {
            synchronized (RtcEngine.class) {
                engine = shared;
                if (engine == null || engine.closed) {
                    engine = create(RtcEngineSettings.defaults());
                    shared = engine;
                }
            }
        }
        return engine;
    }

    public RTCPeerConnection newPeerConnection(RTCConfiguration configuration) {
        return new RTCPeerConnection(configuration, this);
    }

    public RtcEngineSettings settings() {
        return settings;
    }

    public boolean isRunning() {
        return !closed && !loops.isShutdown();
    }

    public int openPeerConnections() {
        return connections.size();
    }

    /** The connections this engine serves that are not closed yet. */
    public List<RTCPeerConnection> peerConnections() {
        return List.copyOf(connections);
    }

    /** Closes every peer connection, then the loops: every port and timer is released when this returns. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (RTCPeerConnection connection : List.copyOf(connections)) {
            try {
                connection.close().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the loops shut down next and take whatever is left with them
            }
        }
        MdnsResolution resolution;
        synchronized (this) {
            resolution = mdns;
        }
        if (resolution != null) {
            resolution.close();
        }
        loops.close();
        handshakes.shutdownNow();
        callbacks.shutdown();
    }

    EventLoops loops() {
        return loops;
    }

    /** The engine's mDNS resolver, created on first use on a loop of its own choosing. */
    synchronized MdnsResolution mdns() {
        if (mdns == null) {
            mdns = new MdnsResolution(loops, loops.next());
        }
        return mdns;
    }

    ExecutorService handshakeExecutor() {
        return handshakes;
    }

    ExecutorService callbackPool() {
        return callbacks;
    }

    List<InetAddress> gatheringAddresses() {
        if (!settings.bindAddresses().isEmpty()) {
            return settings.bindAddresses();
        }
        return LocalAddresses.discover(settings.includeLoopback());
    }

    void register(RTCPeerConnection connection) {
        if (closed) {
            throw new InvalidStateError("the RtcEngine is closed");
        }
        connections.add(connection);
    }

    void unregister(RTCPeerConnection connection) {
        connections.remove(connection);
    }

    /**
     * Up to {@code max} threads; a task goes to an idle thread if there is one, else to a new thread, else it waits
     * in the queue. Idle threads end after 30 s. (A ThreadPoolExecutor whose core size is its maximum starts a new
     * thread for each of its first {@code max} tasks even while others sit idle, so every DTLS handshake of the
     * first 64 paid for a thread start.)
     */
    private static ExecutorService elasticPool(String name, int max) {
        HandOffQueue queue = new HandOffQueue();
        return new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, queue, daemonThreads(name),
                (task, pool) -> {
                    if (pool.isShutdown()) {
                        throw new RejectedExecutionException(name + " pool is shut down");
                    }
                    queue.put(task);
                });
    }

    /** Offering only hands a task to a waiting thread, so the pool grows to its maximum before tasks queue. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
