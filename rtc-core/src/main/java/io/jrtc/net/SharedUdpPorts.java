package io.jrtc.net;

/** An engine's shared UDP ports ({@link SharedPorts}). */
public final class SharedUdpPorts extends SharedPorts<SharedUdpPort, SharedPortEndpoint> {
    public SharedUdpPorts(EventLoops loops, int port) {
        super("UDP", loops, port, SharedUdpPort::open);
    }
}
