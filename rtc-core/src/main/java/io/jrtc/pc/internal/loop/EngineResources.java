package io.jrtc.pc.internal.loop;

import io.jrtc.net.DatagramNetwork;
import io.jrtc.net.EventLoops;
import io.jrtc.net.LocalAddresses;
import io.jrtc.net.SharedTcpPorts;
import io.jrtc.net.SharedUdpPorts;
import io.jrtc.net.UdpNetwork;
import io.jrtc.pc.DtlsSettings;
import io.jrtc.pc.RtcEngineSettings;
import io.jrtc.time.RtcClock;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the connections of one engine share: its settings and clock, the event loops, the network their datagram
 * endpoints are bound on, the pool DTLS handshakes run on, the pool user callbacks run on, and engine-wide services
 * made on first use (the mDNS resolver).
 */
public final class EngineResources implements AutoCloseable {
    private static final int DISCOVERY_REUSE_SECONDS = 2;
    private final RtcEngineSettings settings;
    private final RtcClock clock;
    private final EventLoops loops;
    private final DatagramNetwork network;
    private final ExecutorService handshakes;
    private final ExecutorService callbacks;
    private final Map<Class<?>, AutoCloseable> services = new LinkedHashMap<>();
    /** The last interface discovery and when it ran (clock nanoseconds); see {@link #gatheringAddresses()}. */
    private List<InetAddress> discovered;
    private long discoveredAt;

    /** Resources on the host's UDP stack. */
    public EngineResources(RtcEngineSettings settings, RtcClock clock) {
        this(settings, clock, UdpNetwork::new);
    }

    /** Resources whose endpoints {@code network} binds, given the engine's loops (a simulated network in tests). */
    public EngineResources(RtcEngineSettings settings, RtcClock clock,
                           Function<EventLoops, DatagramNetwork> network) {
        this.settings = settings;
        this.clock = clock;
        this.loops = new EventLoops(settings.eventLoopThreads());
        this.network = network.apply(loops);
        int cores = Runtime.getRuntime().availableProcessors();
        // DTLS handshakes block inside BouncyCastle while they wait for records, so they get a pool of their own,
        // bounded in threads and in queue: a handshake that finds both full fails rather than waits.
        DtlsSettings dtls = settings.dtls();
        this.handshakes = new ElasticPool("jrtc-dtls", dtls.handshakeThreads(), (task, pool) -> {
            throw new RejectedExecutionException("DTLS handshake pool full: " + dtls.handshakeThreads()
                    + " handshakes in flight and " + dtls.handshakeQueue()
                    + " waiting (rtc.dtls.handshake-threads, rtc.dtls.handshake-queue)");
        }, dtls.handshakeQueue());
        this.callbacks = new ElasticPool("jrtc-callback", Math.max(8, cores * 4), null, Integer.MAX_VALUE);
    }

    public RtcEngineSettings settings() {
        return settings;
    }

    public RtcClock clock() {
        return clock;
    }

    public EventLoops loops() {
        return loops;
    }

    /** Where the connections bind their datagram endpoints. */
    public DatagramNetwork network() {
        return network;
    }

    public ExecutorService handshakeExecutor() {
        return handshakes;
    }

    public ExecutorService callbackPool() {
        return callbacks;
    }

    public boolean isShutdown() {
        return loops.isShutdown();
    }

    /**
     * The UDP ports answered connections share, one per address, opened on first use; null when the settings
     * share none.
     */
    public SharedUdpPorts sharedUdpPorts() {
        if (!settings.sharedPorts().sharesUdp()) {
            return null;
        }
        return service(SharedUdpPorts.class, () -> new SharedUdpPorts(loops, settings.sharedPorts().udpPort()));
    }

    /**
     * The TCP ports where answered connections accept ICE-TCP streams, one per address, opened on first use; null
     * when the settings share none.
     */
    public SharedTcpPorts sharedTcpPorts() {
        if (!settings.sharedPorts().sharesTcp()) {
            return null;
        }
        return service(SharedTcpPorts.class, () -> new SharedTcpPorts(loops, settings.sharedPorts().tcpPort()));
    }

    /**
     * The addresses host candidates are gathered on. Discovering the interfaces takes 0.3-2 ms (a walk of every
     * interface through the kernel), which every answer paid before its 201; connections gathering within
     * {@value #DISCOVERY_REUSE_SECONDS} s of each other share one discovery.
     */
    public synchronized List<InetAddress> gatheringAddresses() {
        if (!settings.bindAddresses().isEmpty()) {
            return settings.bindAddresses();
        }
        long now = clock.nanoTime();
        if (discovered == null || now - discoveredAt >= TimeUnit.SECONDS.toNanos(DISCOVERY_REUSE_SECONDS)) {
            discovered = List.copyOf(LocalAddresses.discover(settings.includeLoopback()));
            discoveredAt = now;
        }
        return discovered;
    }

    /** The engine's one {@code type} service, made by {@code factory} on first use and closed with the engine. */
    public synchronized <T extends AutoCloseable> T service(Class<T> type, Supplier<T> factory) {
        AutoCloseable service = services.get(type);
        if (service == null) {
            service = factory.get();
            services.put(type, service);
        }
        return type.cast(service);
    }

    /** Closes the services, then the loops and pools. */
    @Override
    public void close() {
        List<AutoCloseable> open;
        synchronized (this) {
            open = new ArrayList<>(services.values());
            services.clear();
        }
        for (AutoCloseable service : open) {
            try {
                service.close();
            } catch (Exception e) {
                // the loops shut down next and take whatever is left with them
            }
        }
        loops.close();
        handshakes.shutdownNow();
        callbacks.shutdown();
    }
}
