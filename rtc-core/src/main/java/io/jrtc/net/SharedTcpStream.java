package io.jrtc.net;

import io.jrtc.ice.Rfc4571Framer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One stream accepted on a {@link SharedTcpPort}, on the loop Netty gave it: unframes its packets (RFC 4571), routes
 * it by its first one, and hands what it reads in one read to its connection's loop in one task.
 */
final class SharedTcpStream extends ChannelInboundHandlerAdapter {
    private final SharedTcpPort port;
    private final SocketChannel channel;
    private final InetSocketAddress remoteAddress;
    private final Rfc4571Framer framer = new Rfc4571Framer();
    private final List<byte[]> batch = new ArrayList<>();
    private SharedTcpEndpoint endpoint;
    private ScheduledFuture<?> firstPacketDeadline;
    private byte[] chunk = new byte[0];

    SharedTcpStream(SharedTcpPort port, SocketChannel channel) {
        this.port = port;
        this.channel = channel;
        this.remoteAddress = channel.remoteAddress();
    }

    InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        port.onStreamOpened();
        firstPacketDeadline = ctx.executor().schedule(() -> {
            if (endpoint == null) {
                rejectStranger();
            }
        }, port.firstPacketTimeout().toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (!(msg instanceof ByteBuf bytes) || !channel.isActive()) {
                return;
            }
            int length = bytes.readableBytes();
            if (chunk.length < length) {
                chunk = new byte[Math.max(length, 4096)];
            }
            bytes.readBytes(chunk, 0, length);
            framer.feed(chunk, 0, length);
            for (byte[] packet = framer.next(); packet != null; packet = framer.next()) {
                if (endpoint == null && !route(packet)) {
                    return;
                }
                if (packet.length > 0) {
                    batch.add(packet);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The first packet picks the connection, or closes the stream as a stranger's. */
    private boolean route(byte[] first) {
        SharedTcpEndpoint target = port.routes().routeByUfrag(first, first.length);
        if (target == null || !target.isOpen() || !target.adopt(this)) {
            rejectStranger();
            return false;
        }
        endpoint = target;
        firstPacketDeadline.cancel(false);
        return true;
    }

    private void rejectStranger() {
        port.onStranger();
        channel.close();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (batch.isEmpty() || endpoint == null) {
            return;
        }
        List<byte[]> packets = List.copyOf(batch);
        batch.clear();
        SharedTcpEndpoint target = endpoint;
        if (target.loop().inEventLoop()) {
            deliver(target, packets);
            return;
        }
        try {
            target.loop().execute(() -> deliver(target, packets));
        } catch (RejectedExecutionException loopGone) {
            channel.close(); // the engine is shutting down; its connections go with it
        }
    }

    private void deliver(SharedTcpEndpoint target, List<byte[]> packets) {
        if (!target.isOpen()) {
            return;
        }
        for (byte[] packet : packets) {
            target.receiver().onDatagram(target, remoteAddress, packet, packet.length);
        }
        target.receiver().onReadComplete(target);
    }

    /** Queues one framed packet; false when the stream is closed or its peer has stopped reading. */
    boolean write(byte[] data, int offset, int length) {
        if (!channel.isActive() || !channel.isWritable() || length > Rfc4571Framer.MAX_PACKET) {
            return false;
        }
        byte[] framed = Rfc4571Framer.frame(data, offset, length);
        channel.writeAndFlush(channel.alloc().buffer(framed.length).writeBytes(framed), channel.voidPromise());
        return true;
    }

    void close() {
        channel.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        port.onStreamClosed();
        if (firstPacketDeadline != null) {
            firstPacketDeadline.cancel(false);
        }
        if (endpoint != null) {
            endpoint.forget(this);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        channel.close();
    }
}
