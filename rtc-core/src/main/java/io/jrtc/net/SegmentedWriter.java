package io.jrtc.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.epoll.SegmentedDatagramPacket;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Writes datagrams to a channel, joining runs of equal-sized datagrams to one destination into one UDP GSO send
 * (Linux UDP_SEGMENT): the kernel then walks its UDP/IP send path once per run instead of once per datagram, which
 * was most of the sending peer's CPU in a bulk transfer. A run may end with one shorter datagram, as GSO allows.
 * Where GSO is unavailable ({@code maxSegments} 1), or once the kernel refused a segmented send (a device without
 * checksum offload), every datagram is written on its own. Used on the socket's event loop only.
 */
final class SegmentedWriter {
    /** A whole run must fit one IP datagram, headers included. */
    private static final int MAX_RUN_BYTES = 60_000;
    /**
     * Bytes handed to the channel before they are flushed even though more follow: a sender emitting a whole
     * congestion window in one loop turn would otherwise hold all of it until the end of the turn, leaving the
     * receiver idle meanwhile.
     */
    private static final int FLUSH_BYTES = 64 * 1024;

    private final Channel channel;
    private final int maxSegments;
    private boolean segmentation;
    private ByteBuf run;
    private InetSocketAddress runDestination;
    private int segmentSize;
    private int segments;
    private boolean runClosed;
    private int unflushedBytes;

    SegmentedWriter(Channel channel, int maxSegments) {
        this.channel = channel;
        this.maxSegments = maxSegments;
        this.segmentation = maxSegments > 1;
    }

    /**
     * Queues one datagram (copied); it reaches the socket at the latest on {@link #flush()}, earlier once
     * {@link #FLUSH_BYTES} are waiting.
     */
    void write(InetSocketAddress destination, byte[] data, int offset, int length) {
        if (run != null && !joins(destination, length)) {
            closeRun();
        }
        if (run == null) {
            run = channel.alloc().directBuffer(segmentation ? Math.min(MAX_RUN_BYTES, maxSegments * length) : length);
            runDestination = destination;
            segmentSize = length;
            segments = 0;
            runClosed = false;
        }
        run.writeBytes(data, offset, length);
        segments++;
        if (length < segmentSize) {
            runClosed = true;
        }
    }

    /** Hands everything queued to the channel and flushes it. */
    void flush() {
        if (run != null) {
            closeRun();
        }
        if (unflushedBytes > 0) {
            unflushedBytes = 0;
            channel.flush();
        }
    }

    /** Drops what is queued and not flushed (the socket is closing). */
    void discard() {
        if (run != null) {
            run.release();
            run = null;
        }
    }

    private boolean joins(InetSocketAddress destination, int length) {
        return segmentation && !runClosed && length <= segmentSize && segments < maxSegments
                && run.readableBytes() + length <= MAX_RUN_BYTES && destination.equals(runDestination);
    }

    private void closeRun() {
        ByteBuf buf = run;
        run = null;
        unflushedBytes += buf.readableBytes();
        writeRun(buf);
        if (unflushedBytes >= FLUSH_BYTES) {
            unflushedBytes = 0;
            channel.flush();
        }
    }

    private void writeRun(ByteBuf buf) {
        if (segments == 1) {
            channel.write(new DatagramPacket(buf, runDestination), channel.voidPromise());
            return;
        }
        channel.write(new SegmentedDatagramPacket(buf, segmentSize, runDestination))
                .addListener((ChannelFuture written) -> {
                    if (!written.isSuccess()) {
                        // Lost with this run (SCTP and ICE retransmit); from now on each datagram goes on its own.
                        segmentation = false;
                    }
                });
    }
}
