package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/**
 * Where an engine binds its datagram endpoints: the host's UDP stack ({@link UdpNetwork}) by default, a simulated
 * network with a virtual clock in tests. Datagrams for an endpoint reach its receiver on the loop it was bound on.
 */
public interface DatagramNetwork {
    /**
     * Binds on {@code address}, on a port of {@code range} (or an ephemeral one). Never blocks, so it may be called
     * on the loop itself; the future completes on the loop.
     */
    CompletableFuture<DatagramEndpoint> bind(EventLoop loop, InetAddress address, PortRange range,
                                             DatagramReceiver receiver);
}
