package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * One connection's place on a {@link SharedUdpPort}: what its ICE gatherer binds instead of a socket of its own.
 * Datagrams routed to it reach its receiver on the connection's loop; it sends from the port's socket of that loop.
 * Closing it removes every route to it; the port stays open for the others.
 */
public final class SharedPortEndpoint implements DatagramEndpoint {
    private final SharedUdpPort port;
    private final EventLoop loop;
    private final DatagramReceiver receiver;
    private volatile boolean open = true;

    SharedPortEndpoint(SharedUdpPort port, EventLoop loop, DatagramReceiver receiver) {
        this.port = port;
        this.loop = loop;
        this.receiver = receiver;
    }

    /**
     * Routes checks for {@code ufrag} here too (the new credentials of an ICE restart, RFC 8445 §9); false when
     * another connection on the port has that ufrag.
     */
    public boolean addUfrag(String ufrag) {
        return open && port.routes().addUfrag(ufrag, this);
    }

    EventLoop loop() {
        return loop;
    }

    DatagramReceiver receiver() {
        return receiver;
    }

    @Override
    public InetSocketAddress localAddress() {
        return port.localAddress();
    }

    @Override
    public void send(InetSocketAddress destination, byte[] data, int offset, int length) {
        if (open) {
            port.send(this, destination, data, offset, length);
        }
    }

    @Override
    public void flush() {
        port.flush(loop);
    }

    @Override
    public boolean isOpen() {
        return open && port.isOpen();
    }

    @Override
    public void close() {
        open = false;
        port.routes().remove(this);
    }
}
