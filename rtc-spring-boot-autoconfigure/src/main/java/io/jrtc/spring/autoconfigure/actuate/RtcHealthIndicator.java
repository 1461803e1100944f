package io.jrtc.spring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@code rtc} health: UP with connection counts while the engine runs, DOWN when its transport has stopped. */
public class RtcHealthIndicator extends AbstractHealthIndicator {
    private final PeerConnectionService service;

    public RtcHealthIndicator(PeerConnectionService service) {
        super("WebRTC health check failed");
        this.service = service;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!service.engine().isRunning()) {
            builder.down().withDetail("engine", "stopped");
            return;
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        for (Map.Entry<RTCPeerConnectionState, Long> entry : service.countByState().entrySet()) {
            byState.put(entry.getKey().toString(), entry.getValue());
        }
        builder.up()
                .withDetail("engine", "running")
                .withDetail("peerConnections", service.size())
                .withDetail("maxPeerConnections", service.limits().maxPeerConnections())
                .withDetail("byState", byState);
    }
}
