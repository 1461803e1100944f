package io.jrtc.spring.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.spring.autoconfigure.service.ManagedPeerConnection;
import io.jrtc.spring.autoconfigure.service.PeerConnectionService;
import io.jrtc.spring.autoconfigure.service.RtcOperationTimeoutException;
import io.jrtc.spring.autoconfigure.service.SdpRedaction;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/rtc}: every open connection with its states and last statistics sample;
 * {@code /actuator/rtc/{id}}: one connection in detail with descriptions, candidates and a fresh W3C stats report.
 * Descriptions come without any {@code a=ice-pwd} line, local or remote: operators need neither password, and an
 * actuator endpoint is read by more people and tools than the connection's owner.
 */
@Endpoint(id = "rtc")
public class RtcEndpoint {
    private final PeerConnectionService service;

    public RtcEndpoint(PeerConnectionService service) {
        this.service = service;
    }

    @ReadOperation
    public RtcDescriptor connections() {
        List<ConnectionDescriptor> connections = service.list().stream().map(RtcEndpoint::describe).toList();
        return new RtcDescriptor(service.engine().isRunning(), connections.size(),
                service.limits().maxPeerConnections(), connections);
    }

    /** @return the connection, or null (404) when it is not open */
    @ReadOperation
    public ConnectionDetail connection(@Selector String id) {
        ManagedPeerConnection connection = service.list().stream()
                .filter(candidate -> candidate.id().equals(id)).findFirst().orElse(null);
        if (connection == null) {
            return null;
        }
        RTCPeerConnection pc = connection.peerConnection();
        return new ConnectionDetail(describe(connection), description(pc.getLocalDescription()),
                description(pc.getRemoteDescription()),
                connection.localCandidates().stream().map(RTCIceCandidate::getCandidate).toList(),
                connection.isGatheringComplete(), stats(connection));
    }

    private Map<String, Map<String, Object>> stats(ManagedPeerConnection connection) {
        Map<String, Map<String, Object>> stats = new LinkedHashMap<>();
        try {
            RTCStatsReport report = service.await(connection.peerConnection().getStats(), "collecting statistics");
            for (Map.Entry<String, RTCStats> entry : report.entrySet()) {
                stats.put(entry.getKey(), entry.getValue().toMap());
            }
        } catch (RtcOperationTimeoutException | io.jrtc.pc.RTCError e) {
            stats.put("error", Map.of("message", String.valueOf(e.getMessage())));
        }
        return stats;
    }

    private static ConnectionDescriptor describe(ManagedPeerConnection connection) {
        RTCPeerConnection pc = connection.peerConnection();
        return new ConnectionDescriptor(connection.id(), pc.getConnectionState().toString(),
                pc.getIceConnectionState().toString(), pc.getIceGatheringState().toString(),
                pc.getSignalingState().toString(), connection.createdAt().toString(),
                connection.lastStats().toMap());
    }

    private static Map<String, String> description(RTCSessionDescription description) {
        if (description == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        map.put("type", description.type().toString());
        map.put("sdp", SdpRedaction.withoutIcePasswords(description.sdp()));
        return map;
    }

    /** The endpoint's summary. */
    public record RtcDescriptor(boolean engineRunning, int peerConnections, int maxPeerConnections,
            List<ConnectionDescriptor> connections) {
    }

    /** One connection's states and last statistics sample. */
    public record ConnectionDescriptor(String id, String connectionState, String iceConnectionState,
            String iceGatheringState, String signalingState, String createdAt, Map<String, Object> stats) {
    }

    /** One connection in detail. */
    public record ConnectionDetail(ConnectionDescriptor connection, Map<String, String> localDescription,
            Map<String, String> remoteDescription, List<String> localCandidates, boolean gatheringComplete,
            Map<String, Map<String, Object>> statsReport) {
    }
}
