package io.jrtc.spring.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * {@code rtc.limits.*}: bounds that protect the service from too many or too large requests and from forgotten
 * connections.
 */
public class LimitProperties {

    /**
     * Most peer connections open at once; creating one more answers 503 with Retry-After.
     */
    private int maxPeerConnections = 100;

    /**
     * Largest session description accepted, in bytes of UTF-8; a larger one answers 413.
     */
    private int maxSdpBytes = 65536;

    /**
     * How long a connection may stay not connected (new, failed, disconnected) before it is closed and removed.
     */
    private Duration idleTimeout = Duration.ofSeconds(60);

    /**
     * Longest lifetime of any connection, connected or not, before it is closed and removed.
     */
    private Duration sessionTimeout = Duration.ofHours(12);

    /**
     * Longest wait for one signalling operation (offer, answer, candidates, statistics) of a request.
     */
    private Duration operationTimeout = Duration.ofSeconds(10);

    @NestedConfigurationProperty
    private final ClientLimitProperties client = new ClientLimitProperties();

    public ClientLimitProperties getClient() {
        return client;
    }

    public int getMaxPeerConnections() {
        return maxPeerConnections;
    }

    public void setMaxPeerConnections(int maxPeerConnections) {
        this.maxPeerConnections = maxPeerConnections;
    }

    public int getMaxSdpBytes() {
        return maxSdpBytes;
    }

    public void setMaxSdpBytes(int maxSdpBytes) {
        this.maxSdpBytes = maxSdpBytes;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public Duration getSessionTimeout() {
        return sessionTimeout;
    }

    public void setSessionTimeout(Duration sessionTimeout) {
        this.sessionTimeout = sessionTimeout;
    }

    public Duration getOperationTimeout() {
        return operationTimeout;
    }

    public void setOperationTimeout(Duration operationTimeout) {
        this.operationTimeout = operationTimeout;
    }
}
