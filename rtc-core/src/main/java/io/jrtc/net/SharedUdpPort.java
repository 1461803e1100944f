package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One UDP port on one address that many connections share (what Pion calls a UDP mux, mediasoup a WebRtcServer):
 * with the native transport, one SO_REUSEPORT socket per event loop, so the kernel spreads the peers over every
 * core; on NIO, one socket. Datagrams are routed by {@link SharedPortRoutes}, by the ufrag of a peer's first check
 * and then by its address; a datagram read on another loop than its connection's is copied and handed over in one
 * task per connection and read batch. Datagrams without a route (a stranger's) are counted and dropped: they reach
 * no connection. Each connection sends from the socket of its own loop (on NIO, through the one socket's loop).
 */
public final class SharedUdpPort implements SharedPort<SharedPortEndpoint> {
    private final InetSocketAddress localAddress;
    private final Map<EventLoop, UdpSocket> sockets = new ConcurrentHashMap<>();
    private final List<UdpSocket> allSockets = new ArrayList<>();
    private final SharedPortRoutes<SharedPortEndpoint> routes = new SharedPortRoutes<>();
    private final AtomicLong strangers = new AtomicLong();
    private volatile boolean open = true;

    private SharedUdpPort(InetSocketAddress localAddress) {
        this.localAddress = localAddress;
    }

    /**
     * Opens {@code port} (0: a free one) on {@code address}: a socket per event loop with the native transport, one
     * socket otherwise. Fails when any of them cannot be bound.
     */
    public static CompletableFuture<SharedUdpPort> open(EventLoops loops, InetAddress address, int port) {
        List<EventLoop> socketLoops = loops.isEpoll() ? loops.all() : loops.all().subList(0, 1);
        Inbound first = new Inbound(socketLoops.get(0));
        return UdpSocket.bindReusingPort(loops, socketLoops.get(0), new InetSocketAddress(address, port), first)
                .thenCompose(firstSocket -> {
                    SharedUdpPort shared = new SharedUdpPort(firstSocket.localAddress());
                    shared.adopt(first, firstSocket);
                    List<CompletableFuture<Void>> rest = new ArrayList<>();
                    for (EventLoop loop : socketLoops.subList(1, socketLoops.size())) {
                        Inbound inbound = new Inbound(loop);
                        rest.add(UdpSocket.bindReusingPort(loops, loop, shared.localAddress, inbound)
                                .thenAccept(socket -> shared.adopt(inbound, socket)));
                    }
                    return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new))
                            .handle((done, failure) -> {
                                if (failure != null) {
                                    shared.close();
                                    throw new IllegalStateException("cannot open the shared UDP port "
                                            + shared.localAddress + " on every event loop", failure);
                                }
                                return shared;
                            });
                });
    }

    private synchronized void adopt(Inbound inbound, UdpSocket socket) {
        inbound.port = this;
        sockets.put(inbound.loop, socket);
        allSockets.add(socket);
        if (!open) {
            socket.close();
        }
    }

    /**
     * A connection on {@code loop} joins the port: checks for {@code ufrag} (its local ICE ufrag) reach
     * {@code receiver} from now on. Fails when another connection on the port has that ufrag.
     */
    @Override
    public SharedPortEndpoint attach(EventLoop loop, String ufrag, DatagramReceiver receiver) {
        SharedPortEndpoint endpoint = new SharedPortEndpoint(this, loop, receiver);
        if (!routes.addUfrag(ufrag, endpoint)) {
            throw new IllegalStateException("ufrag " + ufrag + " is taken on the shared port " + localAddress);
        }
        return endpoint;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Datagrams that no connection's route matched (unknown ufrag, unknown address), dropped. */
    public long strangerDatagrams() {
        return strangers.get();
    }

    /** Connections attached now. */
    public int attachedConnections() {
        return routes.size();
    }

    /** Ufrags and peer addresses routed now, over every connection: zero once all of them closed. */
    public int routingKeys() {
        return routes.keyCount();
    }

    /** How many sockets serve the port (one per event loop with the native transport). */
    public synchronized int socketCount() {
        return allSockets.size();
    }

    SharedPortRoutes<SharedPortEndpoint> routes() {
        return routes;
    }

    boolean isOpen() {
        return open;
    }

    /** Sends for {@code from} on its loop; a check's destination is routed back to it (its answers have no ufrag). */
    void send(SharedPortEndpoint from, InetSocketAddress destination, byte[] data, int offset, int length) {
        if (length > 0 && (data[offset] & 0xFF) < 4) {
            routes.noteDestination(destination, from);
        }
        UdpSocket socket = sockets.get(from.loop());
        if (socket != null) {
            socket.send(destination, data, offset, length);
            return;
        }
        UdpSocket only = allSockets.get(0);
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        only.eventLoopExecute(() -> {
            only.send(destination, copy, 0, copy.length);
            only.flush();
        });
    }

    void flush(EventLoop loop) {
        UdpSocket socket = sockets.get(loop);
        if (socket != null) {
            socket.flush();
        }
    }

    @Override
    public synchronized void close() {
        open = false;
        allSockets.forEach(UdpSocket::close);
    }

    private void onStranger() {
        strangers.incrementAndGet();
    }

    /** A datagram held for a connection on another loop. */
    private record Held(InetSocketAddress sender, byte[] data) {
    }

    /** The receive side of one socket of the port, on that socket's loop. */
    private static final class Inbound implements DatagramReceiver {
        private final EventLoop loop;
        private volatile SharedUdpPort port;
        private final Set<SharedPortEndpoint> delivered = new LinkedHashSet<>();
        private final Map<SharedPortEndpoint, List<Held>> handOver = new IdentityHashMap<>();

        Inbound(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void onDatagram(DatagramEndpoint socket, InetSocketAddress sender, byte[] data, int length) {
            SharedUdpPort shared = port;
            if (shared == null) {
                return;
            }
            SharedPortEndpoint target = shared.routes.route(sender, data, length);
            if (target == null || !target.isOpen()) {
                shared.onStranger();
                return;
            }
            if (target.loop() == loop) {
                target.receiver().onDatagram(target, sender, data, length);
                delivered.add(target);
            } else {
                handOver.computeIfAbsent(target, t -> new ArrayList<>())
                        .add(new Held(sender, Arrays.copyOf(data, length)));
            }
        }

        @Override
        public void onReadComplete(DatagramEndpoint socket) {
            for (SharedPortEndpoint target : delivered) {
                target.receiver().onReadComplete(target);
            }
            delivered.clear();
            for (Map.Entry<SharedPortEndpoint, List<Held>> entry : handOver.entrySet()) {
                SharedPortEndpoint target = entry.getKey();
                List<Held> batch = entry.getValue();
                try {
                    target.loop().execute(() -> deliver(target, batch));
                } catch (RejectedExecutionException loopGone) {
                    // the engine is shutting down; its connections go with it
                }
            }
            handOver.clear();
        }

        private static void deliver(SharedPortEndpoint target, List<Held> batch) {
            if (!target.isOpen()) {
                return;
            }
            for (Held held : batch) {
                target.receiver().onDatagram(target, held.sender(), held.data(), held.data().length);
            }
            target.receiver().onReadComplete(target);
        }
    }
}
