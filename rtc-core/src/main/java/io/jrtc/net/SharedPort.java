package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;

/**
 * One shared port on one local address (UDP or TCP) that answered connections attach to by their local ufrag.
 *
 * @param <E> the endpoint a connection gets
 */
public interface SharedPort<E> extends AutoCloseable {
    /** Attaches a connection on {@code loop}; fails when {@code ufrag} is taken here. */
    E attach(EventLoop loop, String ufrag, DatagramReceiver receiver);

    InetSocketAddress localAddress();

    @Override
    void close();
}
