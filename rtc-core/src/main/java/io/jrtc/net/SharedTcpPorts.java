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
 * An engine's shared TCP ports for passive ICE-TCP candidates, one per local address, each opened when the first
 * connection on that address needs it and closed with the engine. With port 0 every address gets a free one.
 */
public final class SharedTcpPorts implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SharedTcpPorts.class.getName());

    private final EventLoops loops;
    private final int port;
    private final Map<InetAddress, CompletableFuture<SharedTcpPort>> ports = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public SharedTcpPorts(EventLoops loops, int port) {
        this.loops = loops;
        this.port = port;
    }

    /**
     * Attaches a connection on {@code loop} with local ufrag {@code ufrag} to the TCP port of {@code address},
     * opening it first if needed; fails when the port cannot be opened (tried again for the next connection) or the
     * ufrag is taken there.
     */
    public CompletableFuture<SharedTcpEndpoint> attach(EventLoop loop, InetAddress address, String ufrag,
                                                       DatagramReceiver receiver) {
        return port(address).thenApply(shared -> shared.attach(loop, ufrag, receiver));
    }

    /** The port of {@code address}, opened on first use. */
    public CompletableFuture<SharedTcpPort> port(InetAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
        }
        CompletableFuture<SharedTcpPort> opening = ports.computeIfAbsent(address,
                a -> SharedTcpPort.open(loops, a, port));
        opening.whenComplete((shared, failure) -> {
            if (failure != null) {
                ports.remove(address, opening);
                LOG.log(Level.WARNING, "cannot open the shared TCP port {0} on {1}: {2}", port,
                        address.getHostAddress(), failure.getMessage());
            } else if (closed) {
                shared.close();
            }
        });
        return opening;
    }

    /** The ports open now. */
    public List<SharedTcpPort> openPorts() {
        List<SharedTcpPort> open = new ArrayList<>();
        for (CompletableFuture<SharedTcpPort> future : ports.values()) {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                open.add(future.join());
            }
        }
        return open;
    }

    @Override
    public void close() {
        closed = true;
        openPorts().forEach(SharedTcpPort::close);
    }
}
