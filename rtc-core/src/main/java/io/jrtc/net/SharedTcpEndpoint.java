package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connection's place on a {@link SharedTcpPort}: its passive ICE-TCP candidate (RFC 6544). Every stream a peer
 * opened and routed here is one more remote address of it; a packet sent to that address goes on that stream,
 * framed (RFC 4571), and a packet to an address without a stream is dropped, since a passive candidate never
 * connects out. Closing it closes its streams and removes its routes; the port stays open for the others.
 */
public final class SharedTcpEndpoint implements DatagramEndpoint {
    /** Streams one connection may hold: far above what ICE pairs, low enough that a peer cannot pile them up. */
    static final int MAX_STREAMS = SharedPortRoutes.MAX_ADDRESSES_PER_ROUTE;

    private final SharedTcpPort port;
    private final EventLoop loop;
    private final DatagramReceiver receiver;
    private final Map<InetSocketAddress, SharedTcpStream> streams = new ConcurrentHashMap<>();
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean open = true;

    SharedTcpEndpoint(SharedTcpPort port, EventLoop loop, DatagramReceiver receiver) {
        this.port = port;
        this.loop = loop;
        this.receiver = receiver;
    }

    /** Routes checks for {@code ufrag} here too (an ICE restart's new one); false when another connection has it. */
    public boolean addUfrag(String ufrag) {
        return open && port.routes().addUfrag(ufrag, this);
    }

    /** Streams routed here and open now. */
    public int streamCount() {
        return streams.size();
    }

    /** Packets dropped: for an address without a stream, or a stream whose peer stopped reading. */
    public long unsentPackets() {
        return unsent.get();
    }

    EventLoop loop() {
        return loop;
    }

    DatagramReceiver receiver() {
        return receiver;
    }

    /** A stream whose first check named this connection; false (and the stream is to be closed) past the limit. */
    boolean adopt(SharedTcpStream stream) {
        if (!open || streams.size() >= MAX_STREAMS) {
            return false;
        }
        SharedTcpStream previous = streams.put(stream.remoteAddress(), stream);
        if (previous != null && previous != stream) {
            previous.close();
        }
        return true;
    }

    void forget(SharedTcpStream stream) {
        streams.remove(stream.remoteAddress(), stream);
    }

    @Override
    public InetSocketAddress localAddress() {
        return port.localAddress();
    }

    @Override
    public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
        SharedTcpStream stream = open ? streams.get(destination) : null;
        if (stream == null || !stream.write(data, offset, length)) {
            unsent.incrementAndGet();
        }
    }

    /** Each stream flushes what it was given on its own loop; nothing is held here. */
    @Override
    public void flush() {
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
        port.routes().remove(this);
        for (SharedTcpStream stream : List.copyOf(streams.values())) {
            stream.close();
        }
        streams.clear();
    }
}
