package io.jrtc.net;

/** An engine's shared TCP ports for passive ICE-TCP candidates ({@link SharedPorts}). */
public final class SharedTcpPorts extends SharedPorts<SharedTcpPort, SharedTcpEndpoint> {
    public SharedTcpPorts(EventLoops loops, int port) {
        super("TCP", loops, port, SharedTcpPort::open);
    }
}
