package io.jrtc.spring.autoconfigure.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

/**
 * Subscribes to a managed connection's and its data channels' events: records what request/response signalling
 * needs (local candidates, end of gathering, channels, activity for the reaper) and turns each into an event.
 */
final class ConnectionWatcher {

    /** Where the watcher's events go. */
    @FunctionalInterface
    interface Publisher {
        void publish(RtcEventType type, String peerConnectionId, Map<String, Object> data);
    }

    private final LongSupplier nanoTime;
    private final Publisher publisher;

    ConnectionWatcher(LongSupplier nanoTime, Publisher publisher) {
        this.nanoTime = nanoTime;
        this.publisher = publisher;
    }


    void watch(ManagedPeerConnection connection) {
        RTCPeerConnection pc = connection.peerConnection();
        String id = connection.id();
        connection.addSubscription(pc.onConnectionStateChange(state -> {
            connection.touch(nanoTime.getAsLong());
            publisher.publish(RtcEventType.CONNECTION_STATE, id, Map.of("state", state.toString()));
        }));
        connection.addSubscription(pc.onIceConnectionStateChange(state -> {
            connection.touch(nanoTime.getAsLong());
            publisher.publish(RtcEventType.ICE_CONNECTION_STATE, id, Map.of("state", state.toString()));
        }));
        connection.addSubscription(pc.onIceGatheringStateChange(state -> {
            publisher.publish(RtcEventType.ICE_GATHERING_STATE, id, Map.of("state", state.toString()));
        }));
        connection.addSubscription(pc.onSignalingStateChange(state -> {
            connection.touch(nanoTime.getAsLong());
            publisher.publish(RtcEventType.SIGNALING_STATE, id, Map.of("state", state.toString()));
        }));
        connection.addSubscription(pc.onIceCandidate(candidate -> {
            if (candidate == null) {
                connection.markGatheringComplete();
            } else {
                connection.addLocalCandidate(candidate);
            }
            publisher.publish(RtcEventType.LOCAL_CANDIDATE, id, candidateData(candidate));
        }));
        connection.addSubscription(pc.onDataChannel(channel -> watch(connection, channel)));
    }

    void watch(ManagedPeerConnection connection, RTCDataChannel channel) {
        connection.addDataChannel(channel);
        String id = connection.id();
        // A channel the peer opened may already be open when it is announced: report the open exactly once.
        AtomicBoolean openReported = new AtomicBoolean();
        Runnable reportOpen = () -> {
            if (openReported.compareAndSet(false, true)) {
                connection.touch(nanoTime.getAsLong());
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("label", channel.getLabel());
                data.put("id", channel.getId());
                data.put("protocol", channel.getProtocol());
                data.put("ordered", channel.isOrdered());
                publisher.publish(RtcEventType.DATA_CHANNEL_OPEN, id, data);
            }
        };
        connection.addSubscription(channel.onOpen(reportOpen));
        if (channel.getReadyState() == RTCDataChannelState.OPEN) {
            reportOpen.run();
        }
        connection.addSubscription(channel.onClose(() -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("label", channel.getLabel());
            data.put("id", channel.getId());
            connection.lastStats().dataChannels().stream()
                    .filter(summary -> Objects.equals(summary.id(), channel.getId()))
                    .findFirst()
                    .ifPresent(summary -> {
                        data.put("messagesSent", summary.messagesSent());
                        data.put("messagesReceived", summary.messagesReceived());
                        data.put("bytesSent", summary.bytesSent());
                        data.put("bytesReceived", summary.bytesReceived());
                    });
            publisher.publish(RtcEventType.DATA_CHANNEL_CLOSE, id, data);
        }));
    }

    private static Map<String, Object> candidateData(RTCIceCandidate candidate) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (candidate == null) {
            data.put("candidate", null);
            return data;
        }
        data.put("candidate", candidate.getCandidate());
        data.put("sdpMid", candidate.getSdpMid());
        data.put("sdpMLineIndex", candidate.getSdpMLineIndex());
        data.put("usernameFragment", candidate.getUsernameFragment());
        return data;
    }
}
