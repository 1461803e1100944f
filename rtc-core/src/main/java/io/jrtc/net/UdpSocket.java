package io.jrtc.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One bound UDP socket, registered on one event loop. A thin adapter: datagrams go to the receiver as bytes,
 * outgoing packets are written and flushed once per loop turn by {@link #flush()}.
 */
public final class UdpSocket implements DatagramEndpoint {
    private static final int MAX_DATAGRAM = 65536;
    /**
     * Datagrams read per loop turn before the batch is handed on ({@link DatagramReceiver#onReadComplete}): the
     * layers above then answer a whole batch at once (one SACK, one flush) instead of one datagram at a time.
     */
    private static final int DATAGRAMS_PER_READ = 64;
    /**
     * With epoll, one recvmmsg call fills a {@link #MAX_DATAGRAM}-byte buffer in slots of this size; a larger
     * datagram would be truncated. WebRTC datagrams stay below the path MTU (DTLS accepts at most 2048 bytes).
     */
    private static final int MAX_BATCHED_DATAGRAM = 4096;
    /** UDP GSO for bursts of equal-sized datagrams, where the native transport and the kernel have it. */
    private static final boolean GSO = gsoAvailable();
    /**
     * Datagrams per GSO send. 16 took most of the kernel's per-datagram send cost off the sender; runs of 64 showed
     * receive-buffer drops at the receiving peer when the machine was loaded.
     */
    private static final int GSO_SEGMENTS = 16;

    private final Channel channel;
    private final InetSocketAddress localAddress;
    private final SegmentedWriter writer;

    private UdpSocket(Channel channel, int maxSegments) {
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.localAddress();
        this.writer = new SegmentedWriter(channel, maxSegments);
    }

    /**
     * Binds on {@code address}, trying ports of {@code range} from a random start (or an ephemeral port). Never
     * blocks, so it may be called on the event loop itself; the future completes on the loop.
     */
    public static CompletableFuture<UdpSocket> bind(EventLoops loops, EventLoop loop, InetAddress address,
                                                    PortRange range, DatagramReceiver receiver) {
        CompletableFuture<UdpSocket> result = new CompletableFuture<>();
        if (range.isEphemeral()) {
            bindPort(loops, loop, new InetSocketAddress(address, 0), false, receiver, result,
                    failure -> fail(result, failure));
            return result;
        }
        int span = range.max() - range.min() + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        tryPort(loops, loop, address, range, receiver, start, 0, span, result);
        return result;
    }

    private static void tryPort(EventLoops loops, EventLoop loop, InetAddress address, PortRange range,
                                DatagramReceiver receiver, int start, int attempt, int span,
                                CompletableFuture<UdpSocket> result) {
        if (attempt == span) {
            result.completeExceptionally(new BindException(
                    "no free UDP port in " + range + " on " + address.getHostAddress()));
            return;
        }
        int port = range.min() + (start + attempt) % span;
        bindPort(loops, loop, new InetSocketAddress(address, port), false, receiver, result,
                failure -> tryPort(loops, loop, address, range, receiver, start, attempt + 1, span, result));
    }

    /**
     * Binds on exactly {@code local} with SO_REUSEPORT where the native transport has it, so that each event loop
     * may hold a socket of the same port and the kernel spreads the peers over them (one of a {@link SharedUdpPort}).
     */
    static CompletableFuture<UdpSocket> bindReusingPort(EventLoops loops, EventLoop loop, InetSocketAddress local,
                                                        DatagramReceiver receiver) {
        CompletableFuture<UdpSocket> result = new CompletableFuture<>();
        bindPort(loops, loop, local, loops.isEpoll(), receiver, result, failure -> fail(result, failure));
        return result;
    }

    private static void bindPort(EventLoops loops, EventLoop loop, InetSocketAddress local, boolean reusePort,
                                 DatagramReceiver receiver, CompletableFuture<UdpSocket> result,
                                 Consumer<Throwable> onFailure) {
        UdpSocket[] holder = new UdpSocket[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(loops.datagramChannelClass())
                .option(ChannelOption.SO_RCVBUF, 4 << 20)
                .option(ChannelOption.SO_SNDBUF, 4 << 20)
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(MAX_DATAGRAM).maxMessagesPerRead(DATAGRAMS_PER_READ))
                .handler(new Inbound(holder, receiver));
        if (loops.isEpoll()) {
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_BATCHED_DATAGRAM);
        }
        if (reusePort) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        bootstrap.bind(local).addListener((ChannelFuture future) -> {
            if (future.isSuccess()) {
                UdpSocket socket = new UdpSocket(future.channel(), loops.isEpoll() && GSO ? GSO_SEGMENTS : 1);
                holder[0] = socket;
                result.complete(socket);
            } else {
                onFailure.accept(future.cause());
            }
        });
    }

    private static boolean gsoAvailable() {
        try {
            return Epoll.isAvailable() && SegmentedDatagramPacket.isSupported();
        } catch (LinkageError e) {
            return false;
        }
    }

    private static void fail(CompletableFuture<UdpSocket> result, Throwable cause) {
        BindException failure = new BindException("cannot bind UDP socket: " + cause.getMessage());
        failure.initCause(cause);
        result.completeExceptionally(failure);
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** Queues one datagram; call on the socket's loop. {@link #flush()} sends what is queued. */
    @Override
    public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
        if (!channel.isActive()) {
            return;
        }
        writer.write(destination, data, offset, length);
    }

    @Override
    public void flush() {
        writer.flush();
    }

    /** Runs {@code task} on the socket's loop, where its writes belong. */
    void eventLoopExecute(Runnable task) {
        channel.eventLoop().execute(task);
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() {
        // A run not flushed yet holds a pooled buffer; it is the loop's, so it is let go of there.
        if (channel.eventLoop().inEventLoop()) {
            writer.discard();
        } else {
            try {
                channel.eventLoop().execute(writer::discard);
            } catch (java.util.concurrent.RejectedExecutionException loopGone) {
                // the loop is shutting down and takes its buffers with it
            }
        }
        channel.close();
    }

    private static final class Inbound extends SimpleChannelInboundHandler<DatagramPacket> {
        private final UdpSocket[] socket;
        private final DatagramReceiver receiver;
        private final byte[] buffer = new byte[MAX_DATAGRAM];

        Inbound(UdpSocket[] socket, DatagramReceiver receiver) {
            this.socket = socket;
            this.receiver = receiver;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            UdpSocket owner = socket[0];
            if (owner == null) {
                return;
            }
            ByteBuf content = packet.content();
            int length = content.readableBytes();
            content.getBytes(content.readerIndex(), buffer, 0, length);
            receiver.onDatagram(owner, packet.sender(), buffer, length);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            UdpSocket owner = socket[0];
            if (owner != null) {
                receiver.onReadComplete(owner);
                owner.flush();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors and the like surface here; a UDP socket keeps serving.
        }
    }
}
