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
 * An engine's shared ports of one transport, one per local address, each opened when the first connection on that
 * address needs it and closed with the engine. With port 0 every address gets a free port of its own.
 *
 * @param <P> the port
 * @param <E> the endpoint a connection attached to it gets
 */
public abstract class SharedPorts<P extends SharedPort<E>, E> implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SharedPorts.class.getName());

    /** Opens a port on an address: {@code SharedUdpPort::open}, {@code SharedTcpPort::open}. */
    @FunctionalInterface
    protected interface Opener<P> {
        CompletableFuture<P> open(EventLoops loops, InetAddress address, int port);
    }

    private final String transport;
    private final EventLoops loops;
    private final int port;
    private final Opener<P> opener;
    private final Map<InetAddress, CompletableFuture<P>> ports = new ConcurrentHashMap<>();
    private volatile boolean closed;

    protected SharedPorts(String transport, EventLoops loops, int port, Opener<P> opener) {
        this.transport = transport;
        this.loops = loops;
        this.port = port;
        this.opener = opener;
    }

    /**
     * Attaches a connection on {@code loop} with local ufrag {@code ufrag} to the port of {@code address}, opening
     * it first if needed. Fails when the port cannot be opened (it is tried again for the next connection) or the
     * ufrag is taken there.
     */
    public CompletableFuture<E> attach(EventLoop loop, InetAddress address, String ufrag, DatagramReceiver receiver) {
        return port(address).thenApply(shared -> shared.attach(loop, ufrag, receiver));
    }

    /** The port of {@code address}, opened on first use. */
    public CompletableFuture<P> port(InetAddress address) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the engine is closed"));
        }
        CompletableFuture<P> opening = ports.computeIfAbsent(address, a -> opener.open(loops, a, port));
        opening.whenComplete((shared, failure) -> {
            if (failure != null) {
                ports.remove(address, opening);
                LOG.log(Level.WARNING, "cannot open the shared {0} port {1} on {2}: {3}", transport, port,
                        address.getHostAddress(), failure.getMessage());
            } else if (closed) {
                shared.close();
            }
        });
        return opening;
    }

    /** The ports open now. */
    public List<P> openPorts() {
        List<P> open = new ArrayList<>();
        for (CompletableFuture<P> future : ports.values()) {
            if (future.isDone() && !future.isCompletedExceptionally()) {
                open.add(future.join());
            }
        }
        return open;
    }

    @Override
    public void close() {
        closed = true;
        openPorts().forEach(SharedPort::close);
    }
}
