package io.jrtc.spring.autoconfigure;

/**
 * {@code rtc.tcp.*}: the one TCP port where the connections this service answers accept ICE-TCP streams
 * (RFC 6544).
 */
public class TcpProperties {

    /**
     * TCP port on which every answered connection also offers a passive ICE-TCP candidate, one listening socket
     * per address; 0 picks a free port per address. Peers whose UDP is blocked (browsers behind strict firewalls)
     * connect over it without TURN. Unset, no TCP candidate is offered. Two services on one host need different
     * ports.
     */
    private Integer port;

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
