package io.jrtc.pc;

import io.jrtc.net.SharedTcpPort;
import io.jrtc.net.SharedTcpPorts;
import io.jrtc.net.SharedUdpPort;
import io.jrtc.net.SharedUdpPorts;
import io.jrtc.pc.internal.loop.EngineResources;
import java.net.InetSocketAddress;
import io.jrtc.time.RtcClock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What peer connections share: the event loops, the UDP port range and addresses, the pool DTLS handshakes run
 * on, the pool user callbacks run on, and the one {@link RtcClock} everything reads time from. One per
 * application; {@link #shared()} is the default.
 */
public final class RtcEngine implements AutoCloseable {
    private static volatile RtcEngine shared;

    private final EngineResources resources;
    private final Set<RTCPeerConnection> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * An engine over resources made elsewhere: the test kit's, whose datagram endpoints a simulated network binds
     * (the network seam lives in the non-API {@code io.jrtc.net}, so this stays package-private).
     */
    RtcEngine(EngineResources resources) {
        this.resources = resources;
    }

    /** An engine on the system clock. */
    public static RtcEngine create(RtcEngineSettings settings) {
        return create(settings, RtcClock.system());
    }

    /**
     * An engine whose connections read every time from {@code clock}: timeouts, retransmissions, reports and
     * stats. On any clock but {@link RtcClock#system()}, their timers are the clock's tasks.
     */
    public static RtcEngine create(RtcEngineSettings settings, RtcClock clock) {
        return new RtcEngine(new EngineResources(settings, clock));
    }

    /**
     * A convenience for scripts, examples and the reference's no-argument constructors ({@code new
     * RTCPeerConnection()}, {@code new RTCIceGatherer(servers)}): an engine with default settings, created on first
     * use, whose threads are daemons so it never keeps the JVM alive; it is never closed for you. Like any engine it
     * holds each connection until that connection is closed. Applications and tests create their own engine with
     * {@link #create} and close it, which releases every connection, socket and thread; this project's tests never
     * use this one ({@code TestsOwnTheirEnginesTest}).
     */
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
        return resources.settings();
    }

    /** The clock this engine's connections read. */
    public RtcClock clock() {
        return resources.clock();
    }

    public boolean isRunning() {
        return !closed && !resources.isShutdown();
    }

    public int openPeerConnections() {
        return connections.size();
    }

    /** The connections this engine serves that are not closed yet. */
    public List<RTCPeerConnection> peerConnections() {
        return List.copyOf(connections);
    }

    /**
     * The shared UDP ports open now ({@link RtcEngineSettings#withSharedUdpPort}), one per local address, each
     * opened when the first connection on its address answered: with port 0, where the free port it got is read.
     */
    public List<InetSocketAddress> getSharedUdpPorts() {
        SharedUdpPorts ports = resources.sharedUdpPorts();
        return ports == null ? List.of() : ports.openPorts().stream().map(SharedUdpPort::localAddress).toList();
    }

    /**
     * The shared TCP ports open now ({@link RtcEngineSettings#withSharedTcpPort}), where answered connections accept
     * ICE-TCP streams, one per local address, each opened when the first connection on its address answered.
     */
    public List<InetSocketAddress> getSharedTcpPorts() {
        SharedTcpPorts ports = resources.sharedTcpPorts();
        return ports == null ? List.of() : ports.openPorts().stream().map(SharedTcpPort::localAddress).toList();
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
        resources.close();
    }

    EngineResources core() {
        return resources;
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
}
