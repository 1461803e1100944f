package io.jrtc.spring.autoconfigure.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.Subscription;

/**
 * A peer connection the {@link PeerConnectionService} created, with what signalling over request/response needs
 * and the connection itself does not keep: the local candidates gathered so far, whether gathering ended, the data
 * channels, the last statistics sample and when anything last happened (for the reaper).
 */
public final class ManagedPeerConnection {
    private final String id;
    private final RTCPeerConnection peerConnection;
    private final Instant createdAt;
    private final long createdNanos;
    private final List<RTCIceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    private final List<RTCDataChannel> dataChannels = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> endOfCandidates = new CompletableFuture<>();
    private volatile long lastActivityNanos;
    private volatile StatsSummary lastStats = StatsSummary.EMPTY;
    private final ClientLimiter.Lease clientLease;

    ManagedPeerConnection(RTCPeerConnection peerConnection, Instant createdAt, long createdNanos,
            ClientLimiter.Lease clientLease) {
        this.clientLease = clientLease;
        this.id = peerConnection.getId();
        this.peerConnection = peerConnection;
        this.createdAt = createdAt;
        this.createdNanos = createdNanos;
        this.lastActivityNanos = createdNanos;
    }

    public String id() {
        return id;
    }

    public RTCPeerConnection peerConnection() {
        return peerConnection;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Local candidates gathered so far, in gathering order. */
    public List<RTCIceCandidate> localCandidates() {
        return List.copyOf(localCandidates);
    }

    /** Whether the end-of-candidates signal was seen: {@link #localCandidates()} is then final. */
    public boolean isGatheringComplete() {
        return endOfCandidates.isDone();
    }

    /** Completes when the end-of-candidates signal is seen, after every local candidate was recorded. */
    CompletableFuture<Void> endOfCandidates() {
        return endOfCandidates;
    }

    /** Data channels created on this connection, by either side. */
    public List<RTCDataChannel> dataChannels() {
        return List.copyOf(dataChannels);
    }

    /** The latest statistics sample, {@link StatsSummary#EMPTY} before the first. */
    public StatsSummary lastStats() {
        return lastStats;
    }

    void touch(long now) {
        lastActivityNanos = now;
    }

    void addLocalCandidate(RTCIceCandidate candidate) {
        localCandidates.add(candidate);
    }

    void markGatheringComplete() {
        endOfCandidates.complete(null);
    }

    void addDataChannel(RTCDataChannel channel) {
        dataChannels.add(channel);
    }

    void addSubscription(Subscription subscription) {
        subscriptions.add(subscription);
    }

    /** Replaces the statistics sample and returns the previous one. */
    StatsSummary replaceStats(StatsSummary summary) {
        StatsSummary previous = lastStats;
        lastStats = summary;
        return previous;
    }

    /** Gives the client's place back (per-client limits); does nothing for the application's own connections. */
    void releaseClientLease() {
        if (clientLease != null) {
            clientLease.release();
        }
    }

    void unsubscribeAll() {
        for (Subscription subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
    }

    /**
     * Why this connection should be reaped at {@code now}, or null while it may live. A connected connection is
     * never idle (ICE consent checks prove the peer is there); any other state counts from the last activity.
     *
     * @param idleTimeout    nanoseconds; 0 or less never reaps for idleness
     * @param sessionTimeout nanoseconds; 0 or less never reaps for age
     */
    String expiryReason(long now, long idleTimeout, long sessionTimeout) {
        if (sessionTimeout > 0 && now - createdNanos >= sessionTimeout) {
            return "session-timeout";
        }
        RTCPeerConnectionState state = peerConnection.getConnectionState();
        if (state == RTCPeerConnectionState.CONNECTED) {
            lastActivityNanos = now;
            return null;
        }
        if (idleTimeout > 0 && now - lastActivityNanos >= idleTimeout) {
            return state == RTCPeerConnectionState.FAILED ? "failed" : "idle";
        }
        return null;
    }
}
