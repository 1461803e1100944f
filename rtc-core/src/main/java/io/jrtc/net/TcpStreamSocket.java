package io.jrtc.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * One outgoing TCP connection, optionally TLS (JDK provider, see {@link TlsConnection}), registered on one event
 * loop: a thin adapter that hands the received byte stream (plaintext) to a {@link StreamReceiver} and writes what
 * it is given, flushed once per loop turn by {@link #flush()} or after each read. Framing is the caller's.
 *
 * <p>{@link #connect} completes once the connection is usable: after the TCP handshake, and with TLS after the TLS
 * handshake, whose failure (an untrusted certificate, a name mismatch) fails the future with the JDK's reason.
 */
public final class TcpStreamSocket implements AutoCloseable {
    /** Receives the stream on the socket's loop. */
    public interface StreamReceiver {
        /** Bytes received, in order; the array is reused after the call returns. */
        void onBytes(TcpStreamSocket socket, byte[] data, int offset, int length);

        /** After the bytes of one loop turn: the place to process what they caused, once. */
        default void onReadComplete(TcpStreamSocket socket) {
        }

        /** The connection ended after it was established: {@code cause} is null for an orderly close. */
        void onClosed(TcpStreamSocket socket, Throwable cause);
    }

    private static final int READ_BUFFER = 65536;

    private final Channel channel;
    private final TlsConnection tls;
    private final StreamReceiver receiver;
    private volatile boolean established;
    private boolean closedReported;
    private Throwable failure;

    private TcpStreamSocket(Channel channel, TlsConnection tls, StreamReceiver receiver) {
        this.channel = channel;
        this.tls = tls;
        this.receiver = receiver;
    }

    /**
     * Connects to {@code remote} from {@code loop}, with TLS when {@code tls} is not null. Never blocks; the future
     * completes on the loop, exceptionally when the connection or the TLS handshake fails or {@code timeout} passes.
     */
    public static CompletableFuture<TcpStreamSocket> connect(EventLoops loops, EventLoop loop,
            InetSocketAddress remote, TlsClientSettings tls, Duration timeout, StreamReceiver receiver) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(receiver, "receiver");
        CompletableFuture<TcpStreamSocket> result = new CompletableFuture<>();
        TcpStreamSocket[] holder = new TcpStreamSocket[1];
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(loops.isEpoll() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new Inbound(holder, result));
        ChannelFuture connecting = bootstrap.connect(remote);
        ScheduledFuture<?> deadline = loop.schedule(() -> {
            if (result.completeExceptionally(new IOException("no " + (tls != null ? "TLS " : "TCP ")
                    + "connection to " + remote + " within " + timeout.toMillis() + " ms"))) {
                connecting.channel().close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((socket, error) -> deadline.cancel(false));
        connecting.addListener((ChannelFuture future) -> {
            if (!future.isSuccess()) {
                result.completeExceptionally(new IOException("cannot connect to " + remote + ": "
                        + future.cause().getMessage(), future.cause()));
                return;
            }
            TlsConnection session = tls == null ? null : new TlsConnection(tls.newEngine(remote.getPort()));
            TcpStreamSocket socket = new TcpStreamSocket(future.channel(), session, receiver);
            holder[0] = socket;
            if (session == null) {
                socket.established = true;
                result.complete(socket);
                return;
            }
            try {
                session.begin();
                socket.writeTlsOutput();
                socket.channel.flush();
            } catch (SSLException e) {
                socket.failHandshake(result, e);
            }
        });
        return result;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    /** The loop the socket is registered on, where {@link #write} and {@link #flush} belong. */
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    public boolean isTls() {
        return tls != null;
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /** Queues bytes (copied); call on the socket's loop. {@link #flush()} sends what is queued. */
    public void write(byte[] data, int offset, int length) {
        if (!channel.isActive()) {
            return;
        }
        if (tls == null) {
            channel.write(channel.alloc().buffer(length).writeBytes(data, offset, length));
            return;
        }
        try {
            tls.send(data, offset, length);
            writeTlsOutput();
        } catch (SSLException e) {
            fail(e);
        }
    }

    public void flush() {
        channel.flush();
    }

    /** Closes the connection, with close_notify over TLS; {@link StreamReceiver#onClosed} is not called for it. */
    @Override
    public void close() {
        if (channel.eventLoop().inEventLoop()) {
            closeOnLoop();
        } else {
            try {
                channel.eventLoop().execute(this::closeOnLoop);
            } catch (java.util.concurrent.RejectedExecutionException loopGone) {
                channel.close();
            }
        }
    }

    private void closeOnLoop() {
        closedReported = true;
        if (tls != null && channel.isActive()) {
            tls.close();
            writeTlsOutput();
        }
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(written -> channel.close());
    }

    private void writeTlsOutput() {
        for (byte[] bytes = tls.pollOutput(); bytes != null; bytes = tls.pollOutput()) {
            channel.write(channel.alloc().buffer(bytes.length).writeBytes(bytes));
        }
    }

    private void onRead(byte[] data, int length, CompletableFuture<TcpStreamSocket> connecting) {
        if (tls == null) {
            receiver.onBytes(this, data, 0, length);
            return;
        }
        try {
            tls.receive(data, 0, length, (plain, off, len) -> receiver.onBytes(this, plain, off, len));
            writeTlsOutput();
            if (!established && tls.isHandshakeDone()) {
                established = true;
                connecting.complete(this);
            }
            if (tls.isInboundClosed()) {
                channel.close();
            }
        } catch (SSLException e) {
            if (established) {
                fail(e);
            } else {
                failHandshake(connecting, e);
            }
        }
    }

    private void failHandshake(CompletableFuture<TcpStreamSocket> connecting, SSLException e) {
        // The engine may have a fatal alert to send; the server then learns why too.
        writeTlsOutput();
        channel.writeAndFlush(channel.alloc().buffer(0)).addListener(written -> channel.close());
        closedReported = true;
        connecting.completeExceptionally(new IOException("TLS handshake with " + channel.remoteAddress()
                + " failed: " + e.getMessage(), e));
    }

    private void fail(Throwable cause) {
        failure = failure != null ? failure : cause;
        channel.close();
    }

    private void onInactive(CompletableFuture<TcpStreamSocket> connecting) {
        connecting.completeExceptionally(new IOException("connection to " + channel.remoteAddress()
                + " closed during the TLS handshake"));
        if (established && !closedReported) {
            closedReported = true;
            receiver.onClosed(this, failure);
        }
    }

    private static final class Inbound extends ChannelInboundHandlerAdapter {
        private final TcpStreamSocket[] socket;
        private final CompletableFuture<TcpStreamSocket> connecting;
        private final byte[] buffer = new byte[READ_BUFFER];

        Inbound(TcpStreamSocket[] socket, CompletableFuture<TcpStreamSocket> connecting) {
            this.socket = socket;
            this.connecting = connecting;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            ByteBuf bytes = (ByteBuf) message;
            try {
                TcpStreamSocket owner = socket[0];
                while (owner != null && bytes.isReadable()) {
                    int length = Math.min(bytes.readableBytes(), buffer.length);
                    bytes.readBytes(buffer, 0, length);
                    owner.onRead(buffer, length, connecting);
                }
            } finally {
                bytes.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            TcpStreamSocket owner = socket[0];
            if (owner != null) {
                if (owner.established) {
                    owner.receiver.onReadComplete(owner);
                }
                owner.flush();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            TcpStreamSocket owner = socket[0];
            if (owner != null) {
                owner.onInactive(connecting);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            TcpStreamSocket owner = socket[0];
            if (owner != null) {
                owner.fail(cause);
            } else {
                ctx.close();
            }
        }
    }
}
