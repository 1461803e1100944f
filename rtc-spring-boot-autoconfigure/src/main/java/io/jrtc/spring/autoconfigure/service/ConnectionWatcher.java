package io.jrtc.spring.autoconfigure.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCDataChannelMessage;
import io.jrtc.pc.RTCDataChannelState;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCTrackEvent;
import io.jrtc.spring.autoconfigure.events.RtcEventType;

/**
 * Subscribes to a managed connection's and its data channels' events: records what request/response signalling
 * needs (local candidates, end of gathering, channels, activity for the reaper) and turns each into an event.
 */
final class ConnectionWatcher {
    /** Most payload bytes one {@code data-channel-message} event carries. */
    static final int MAX_EVENT_PAYLOAD_BYTES = 4096;

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
            if (state == RTCPeerConnectionState.CONNECTED) {
                connection.requestKeyframes();
            }
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
        connection.addSubscription(pc.onDataChannel(channel -> watch(connection, channel, false)));
        connection.addSubscription(pc.onTrack(event -> {
            connection.touch(nanoTime.getAsLong());
            publisher.publish(RtcEventType.TRACK, id, trackData(connection, event));
        }));
        connection.addSubscription(pc.onNegotiationNeeded(
                () -> publisher.publish(RtcEventType.NEGOTIATION_NEEDED, id, Map.of())));
    }

    private static Map<String, Object> trackData(ManagedPeerConnection connection, RTCTrackEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        ManagedTransceiver managed = connection.transceiver(event.transceiver());
        data.put("transceiverId", managed == null ? null : managed.transceiverId());
        data.put("mid", event.transceiver().getMid());
        data.put("kind", event.track().getKind().toString());
        data.put("trackId", event.track().getId());
        data.put("streamIds", event.streamIds());
        return data;
    }

    /**
     * Registers the channel under its REST id and reports its open, its messages (when asked) and its close; once
     * the close is reported the connection forgets it, listeners included.
     */
    ManagedDataChannel watch(ManagedPeerConnection connection, RTCDataChannel channel, boolean messageEvents) {
        ManagedDataChannel managed = connection.addDataChannel(channel, messageEvents);
        String id = connection.id();
        // A channel the peer opened may already be open when it is announced: report the open exactly once.
        AtomicBoolean openReported = new AtomicBoolean();
        Runnable reportOpen = () -> {
            if (openReported.compareAndSet(false, true)) {
                connection.touch(nanoTime.getAsLong());
                Map<String, Object> data = channelData(managed);
                data.put("protocol", channel.getProtocol());
                data.put("ordered", channel.isOrdered());
                publisher.publish(RtcEventType.DATA_CHANNEL_OPEN, id, data);
            }
        };
        AtomicBoolean closeReported = new AtomicBoolean();
        Runnable reportClose = () -> {
            if (closeReported.compareAndSet(false, true)) {
                publisher.publish(RtcEventType.DATA_CHANNEL_CLOSE, id, closeData(connection, managed));
                connection.forgetDataChannel(managed);
            }
        };
        managed.addSubscription(channel.onOpen(reportOpen));
        managed.addSubscription(channel.onMessage(message -> {
            if (managed.messageEvents()) {
                publisher.publish(RtcEventType.DATA_CHANNEL_MESSAGE, id, messageData(managed, message));
            }
        }));
        managed.addSubscription(channel.onClose(reportClose));
        if (channel.getReadyState() == RTCDataChannelState.OPEN) {
            reportOpen.run();
        } else if (channel.getReadyState() == RTCDataChannelState.CLOSED) {
            reportClose.run();
        }
        return managed;
    }

    private static Map<String, Object> channelData(ManagedDataChannel managed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("channelId", managed.channelId());
        data.put("label", managed.channel().getLabel());
        data.put("id", managed.channel().getId());
        return data;
    }

    private static Map<String, Object> closeData(ManagedPeerConnection connection, ManagedDataChannel managed) {
        RTCDataChannel channel = managed.channel();
        Map<String, Object> data = channelData(managed);
        data.put("reason", managed.closeReason() == null ? "closed" : managed.closeReason());
        data.put("messagesSent", channel.getMessagesSent());
        data.put("messagesReceived", channel.getMessagesReceived());
        data.put("bytesSent", channel.getBytesSent());
        data.put("bytesReceived", channel.getBytesReceived());
        return data;
    }

    /**
     * A received message as an event: text as a string, binary as base64, each cut at
     * {@link #MAX_EVENT_PAYLOAD_BYTES} (with {@code truncated: true}) so one message cannot bloat the event stream.
     */
    static Map<String, Object> messageData(ManagedDataChannel managed, RTCDataChannelMessage message) {
        Map<String, Object> data = channelData(managed);
        byte[] bytes = message.data();
        boolean truncated = bytes.length > MAX_EVENT_PAYLOAD_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(bytes, MAX_EVENT_PAYLOAD_BYTES) : bytes;
        data.put("binary", message.binary());
        data.put("size", bytes.length);
        data.put("truncated", truncated);
        data.put("data", message.binary() ? Base64.getEncoder().encodeToString(kept)
                : new String(kept, StandardCharsets.UTF_8));
        return data;
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
