package io.jrtc.net;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;

/** The host's UDP stack: every endpoint is a {@link UdpSocket} on one of the engine's event loops. */
public final class UdpNetwork implements DatagramNetwork {
    private final EventLoops loops;

    public UdpNetwork(EventLoops loops) {
        this.loops = loops;
    }

    @Override
    public CompletableFuture<DatagramEndpoint> bind(EventLoop loop, InetAddress address, PortRange range,
                                                    DatagramReceiver receiver) {
        return UdpSocket.bind(loops, loop, address, range, receiver).thenApply(socket -> socket);
    }
}
