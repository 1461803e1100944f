package io.jrtc.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One TCP port on one address where the passive ICE-TCP candidates (RFC 6544) of many connections accept streams:
 * the TCP sibling of {@link SharedUdpPort}. Each stream carries RFC 4571 frames; its first one must be a STUN
 * Binding request whose USERNAME names the ufrag of a connection attached here ({@link SharedPortRoutes}), and the
 * stream belongs to that connection from then on. A stream whose first packet is anything else, or that sends no
 * whole packet within {@link #FIRST_PACKET_TIMEOUT}, is a stranger's: it is closed and touches no connection.
 */
public final class SharedTcpPort implements SharedPort<SharedTcpEndpoint> {
    /** How long an accepted stream may take to send its first whole packet. */
    public static final Duration FIRST_PACKET_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Unsent bytes a stream may hold before packets for it are dropped, as a full UDP socket drops datagrams: a
     * peer that stops reading cannot make us buffer without bound.
     */
    static final int WRITE_HIGH_WATER = 1 << 20;

    private final Duration firstPacketTimeout;
    private final Channel server;
    private final InetSocketAddress localAddress;
    private final SharedPortRoutes<SharedTcpEndpoint> routes = new SharedPortRoutes<>();
    private final AtomicLong strangers = new AtomicLong();
    private final AtomicLong openStreams = new AtomicLong();
    private volatile boolean open = true;

    private SharedTcpPort(Channel server, Duration firstPacketTimeout) {
        this.server = server;
        this.firstPacketTimeout = firstPacketTimeout;
        this.localAddress = (InetSocketAddress) server.localAddress();
    }

    /** Listens on {@code port} (0: a free one) of {@code address}; streams are spread over every event loop. */
    public static CompletableFuture<SharedTcpPort> open(EventLoops loops, InetAddress address, int port) {
        return open(loops, address, port, FIRST_PACKET_TIMEOUT);
    }

    /** As {@link #open(EventLoops, InetAddress, int)}, with the first packet due within {@code firstPacketTimeout}. */
    static CompletableFuture<SharedTcpPort> open(EventLoops loops, InetAddress address, int port,
                                                 Duration firstPacketTimeout) {
        CompletableFuture<SharedTcpPort> result = new CompletableFuture<>();
        SharedTcpPort[] holder = new SharedTcpPort[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops.next(), loops.group())
                .channel(loops.isEpoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(WRITE_HIGH_WATER / 2, WRITE_HIGH_WATER))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        SharedTcpPort shared = holder[0];
                        if (shared == null || !shared.open) {
                            channel.close();
                            return;
                        }
                        channel.pipeline().addLast(new SharedTcpStream(shared, channel));
                    }
                });
        bootstrap.bind(new InetSocketAddress(address, port)).addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                holder[0] = new SharedTcpPort(future.channel(), firstPacketTimeout);
                result.complete(holder[0]);
            } else {
                result.completeExceptionally(new IOException("cannot listen on TCP " + address.getHostAddress()
                        + ":" + port + ": " + future.cause().getMessage(), future.cause()));
            }
        });
        return result;
    }

    /**
     * A connection on {@code loop} joins the port: streams whose first check is for {@code ufrag} (its local ICE
     * ufrag) reach {@code receiver}, one framed packet per call, with the stream's remote address as the sender.
     * Fails when another connection on the port has that ufrag.
     */
    @Override
    public SharedTcpEndpoint attach(EventLoop loop, String ufrag, DatagramReceiver receiver) {
        SharedTcpEndpoint endpoint = new SharedTcpEndpoint(this, loop, receiver);
        if (!routes.addUfrag(ufrag, endpoint)) {
            throw new IllegalStateException("ufrag " + ufrag + " is taken on the shared TCP port " + localAddress);
        }
        return endpoint;
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Streams closed because their first packet named no connection here (or never came). */
    public long strangerStreams() {
        return strangers.get();
    }

    /** Streams open now, routed or not. */
    public long openStreams() {
        return openStreams.get();
    }

    /** Connections attached now. */
    public int attachedConnections() {
        return routes.size();
    }

    /** Ufrags routed now, over every connection: zero once all of them closed. */
    public int routingKeys() {
        return routes.keyCount();
    }

    Duration firstPacketTimeout() {
        return firstPacketTimeout;
    }

    SharedPortRoutes<SharedTcpEndpoint> routes() {
        return routes;
    }

    boolean isOpen() {
        return open;
    }

    void onStranger() {
        strangers.incrementAndGet();
    }

    void onStreamOpened() {
        openStreams.incrementAndGet();
    }

    void onStreamClosed() {
        openStreams.decrementAndGet();
    }

    /** Stops listening; streams already routed stay with their connections until those close them. */
    @Override
    public void close() {
        open = false;
        server.close();
    }
}
