package io.jrtc.spring.autoconfigure.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds the {@link PeerConnectionService} enforces.
 *
 * @param maxPeerConnections most connections open at once
 * @param maxSdpBytes        largest session description accepted, in UTF-8 bytes
 * @param idleTimeout        how long a connection may be not connected without any activity; zero never reaps
 * @param sessionTimeout     longest lifetime of any connection; zero never reaps
 * @param operationTimeout   longest wait for one signalling operation
 * @param statsInterval      how often statistics are sampled; zero never samples
 */
public record PeerConnectionLimits(int maxPeerConnections, int maxSdpBytes, Duration idleTimeout,
        Duration sessionTimeout, Duration operationTimeout, Duration statsInterval) {

    public PeerConnectionLimits {
        if (maxPeerConnections < 0 || maxSdpBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive: maxPeerConnections=" + maxPeerConnections
                    + ", maxSdpBytes=" + maxSdpBytes);
        }
        idleTimeout = nonNegative(idleTimeout, "idleTimeout");
        sessionTimeout = nonNegative(sessionTimeout, "sessionTimeout");
        operationTimeout = nonNegative(operationTimeout, "operationTimeout");
        statsInterval = nonNegative(statsInterval, "statsInterval");
    }

    private static Duration nonNegative(Duration duration, String name) {
        Duration value = duration == null ? Duration.ZERO : duration;
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    public static PeerConnectionLimits defaults() {
        return new PeerConnectionLimits(100, 65536, Duration.ofSeconds(60), Duration.ofHours(12),
                Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    public PeerConnectionLimits withMaxPeerConnections(int max) {
        return new PeerConnectionLimits(max, maxSdpBytes, idleTimeout, sessionTimeout, operationTimeout,
                statsInterval);
    }

    public PeerConnectionLimits withIdleTimeout(Duration timeout) {
        return new PeerConnectionLimits(maxPeerConnections, maxSdpBytes, Objects.requireNonNull(timeout),
                sessionTimeout, operationTimeout, statsInterval);
    }

    public PeerConnectionLimits withSessionTimeout(Duration timeout) {
        return new PeerConnectionLimits(maxPeerConnections, maxSdpBytes, idleTimeout,
                Objects.requireNonNull(timeout), operationTimeout, statsInterval);
    }

    public PeerConnectionLimits withStatsInterval(Duration interval) {
        return new PeerConnectionLimits(maxPeerConnections, maxSdpBytes, idleTimeout, sessionTimeout,
                operationTimeout, Objects.requireNonNull(interval));
    }
}
