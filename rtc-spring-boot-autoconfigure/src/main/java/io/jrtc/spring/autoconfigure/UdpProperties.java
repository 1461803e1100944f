package io.jrtc.spring.autoconfigure;

/** {@code rtc.udp.*}: the one UDP port the connections this service answers share. */
public class UdpProperties {

    /**
     * UDP port that every answered connection shares, one socket per event loop on each address; 0 picks a
     * free port per address. Unset, each connection binds its own port from rtc.port-range. Connections this
     * service offers always bind their own. Two services on one host need different ports.
     */
    private Integer port;

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
