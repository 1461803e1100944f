package io.jrtc.net;

import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared event-loop group: about one thread per core. Every peer connection is pinned to one loop, so its
 * protocol state needs no locks. Uses epoll where the native transport loads, NIO elsewhere.
 */
public final class EventLoops implements AutoCloseable {
    private final MultiThreadIoEventLoopGroup group;
    private final boolean epoll;

    public EventLoops(int threads) {
        this(threads, true);
    }

    /** With {@code nativeTransport} false, NIO even where epoll loads: what tests of the NIO paths need. */
    EventLoops(int threads, boolean nativeTransport) {
        this.epoll = nativeTransport && Epoll.isAvailable();
        IoHandlerFactory handlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        int count = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.group = new MultiThreadIoEventLoopGroup(count, new DefaultThreadFactory("jrtc-loop", true), handlers);
    }

    /** The loop the next connection is pinned to (round robin). */
    public EventLoop next() {
        return (EventLoop) group.next();
    }

    /** Every loop of the group, for whoever must reach each of them (a test waiting until all are idle). */
    public List<EventLoop> all() {
        List<EventLoop> all = new ArrayList<>();
        for (EventExecutor executor : group) {
            all.add((EventLoop) executor);
        }
        return List.copyOf(all);
    }

    /** The whole group, where a listening socket spreads the streams it accepts. */
    io.netty.channel.EventLoopGroup group() {
        return group;
    }

    public boolean isEpoll() {
        return epoll;
    }

    public boolean isShutdown() {
        return group.isShuttingDown() || group.isShutdown();
    }

    Class<? extends DatagramChannel> datagramChannelClass() {
        return epoll ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
