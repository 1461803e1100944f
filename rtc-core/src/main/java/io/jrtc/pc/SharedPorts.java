package io.jrtc.pc;

/**
 * The ports that the connections an engine answers share instead of binding their own: one UDP port per local
 * address, demultiplexed by the ICE ufrag of a peer's first check and then by its address, so a firewall or a
 * container publishes one port instead of a range. Connections that offer (clients, links between nodes) keep
 * their own sockets. With a TCP port as well, the connections answered also offer a passive ICE-TCP candidate
 * (RFC 6544) on it, which peers whose UDP is blocked reach; streams are routed by the ufrag of their first check.
 *
 * @param udpPort the shared UDP port; {@link #OFF} for none, 0 for a free port chosen per address
 * @param tcpPort the shared TCP port of passive ICE-TCP candidates; {@link #OFF} for none, 0 for a free one
 */
public record SharedPorts(int udpPort, int tcpPort) {
    /** No shared port: every connection binds its own sockets. */
    public static final int OFF = -1;

    public SharedPorts {
        if (udpPort < OFF || udpPort > 65535) {
            throw new IllegalArgumentException("shared UDP port must be -1 (off), 0 (a free one) or 1..65535: "
                    + udpPort);
        }
        if (tcpPort < OFF || tcpPort > 65535) {
            throw new IllegalArgumentException("shared TCP port must be -1 (off), 0 (a free one) or 1..65535: "
                    + tcpPort);
        }
    }

    public static SharedPorts none() {
        return new SharedPorts(OFF, OFF);
    }

    public boolean sharesTcp() {
        return tcpPort != OFF;
    }

    public SharedPorts withTcpPort(int port) {
        return new SharedPorts(udpPort, port);
    }

    public boolean sharesUdp() {
        return udpPort != OFF;
    }

    public SharedPorts withUdpPort(int port) {
        return new SharedPorts(port, tcpPort);
    }
}
