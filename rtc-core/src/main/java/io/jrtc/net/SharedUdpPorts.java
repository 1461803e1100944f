package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An engine's shared UDP ports, one per local address, each opened when the first connection on that address needs
 * it and closed with the engine. With port 0 every address gets a free port of its own.
 */
public final class SharedUdpPorts implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SharedUdpPorts.class.getName());

    private final EventLoops loops;
    private final int port;
    private final Map<InetAddress, CompletableFuture<SharedUdpPort>> ports = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SharedUdpPorts(EventLoops loops, int port) {
        this.loops = loops;
        this.port = port;
    }

    /**
     * Attaches a connection on {@code loop} with local ufrag {@code ufrag} to the port of {@code address}, opening
     * it first if needed. Fails when the port cannot be opened (it is tried again for the next connection) or the
     * ufrag is taken there.
     */
    public CompletableFuture<SharedPortEndpoint> attach(EventLoop loop, InetAddress address, String ufrag,
                                                        DatagramReceiver receiver) {
        return port(address).thenApply(shared -> shared.attach(loop, ufrag, receiver));
    }

    /** The port of {@code address}, opened on first use. */
    public CompletableFuture<SharedUdpPort> port(InetAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
        }
        CompletableFuture<SharedUdpPort> opening = ports.computeIfAbsent(address,
                a -> SharedUdpPort.open(loops, a, port));
        opening.whenComplete((shared, failure) -> {
            if (failure != null) {
                ports.remove(address, opening);
                LOG.log(Level.WARNING, "cannot open the shared UDP port {0} on {1}: {2}", port,
                        address.getHostAddress(), failure.getMessage());
            } else if (closed) {
                shared.close();
            }
        });
        return opening;
    }

    /** The ports open now. */
    public List<SharedUdpPort> openPorts() {
        List<SharedUdpPort> open = new ArrayList<>();
        for (CompletableFuture<SharedUdpPort> future : ports.values()) {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                open.add(future.join());
            }
        }
        return open;
    }

    @Override
    public void close() {
        closed = true;
        openPorts().forEach(SharedUdpPort::close);
    }
}
