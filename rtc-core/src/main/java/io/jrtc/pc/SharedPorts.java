package io.jrtc.pc;

/**
 * The ports that the connections an engine answers share instead of binding their own: one UDP port per local
 * address, demultiplexed by the ICE ufrag of a peer's first check and then by its address, so a firewall or a
 * container publishes one port instead of a range. Connections that offer (clients, links between nodes) keep
 * their own sockets.
 *
 * @param udpPort the shared UDP port; {@link #OFF} for none, 0 for a free port chosen per address
 */
public record SharedPorts(int udpPort) {
    /** No shared port: every connection binds its own sockets. */
    public static final int OFF = -1;

    public SharedPorts {
        if (udpPort < OFF || udpPort > 65535) {
            throw new IllegalArgumentException("shared UDP port must be -1 (off), 0 (a free one) or 1..65535: "
                    + udpPort);
        }
    }

    public static SharedPorts none() {
        return new SharedPorts(OFF);
    }

    public boolean sharesUdp() {
        return udpPort != OFF;
    }

    public SharedPorts withUdpPort(int port) {
        return new SharedPorts(port);
    }
}
