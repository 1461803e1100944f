package io.jrtc.net;

import java.net.InetSocketAddress;

/**
 * One bound datagram socket as the layers above see it: a {@link UdpSocket} on the real network, or an endpoint of
 * a simulated one in tests. Every method is called on the event loop the endpoint was bound on.
 */
public interface DatagramEndpoint extends AutoCloseable {
    InetSocketAddress localAddress();

    /** Queues one datagram; the bytes may be reused once this returns. {@link #flush()} sends what is queued. */
    void send(InetSocketAddress destination, byte[] data, int offset, int length);

    void flush();

    boolean isOpen();

    @Override
    void close();
}
