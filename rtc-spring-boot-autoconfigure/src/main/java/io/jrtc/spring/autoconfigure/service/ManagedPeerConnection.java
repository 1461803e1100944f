package io.jrtc.spring.autoconfigure.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCRtpTransceiver;
import io.jrtc.pc.Subscription;

/**
 * A peer connection the {@link PeerConnectionService} created, with what signalling over request/response needs
 * and the connection itself does not keep: the local candidates gathered so far, whether gathering ended, the data
 * channels not yet closed (with their REST ids), the last statistics sample and when anything last happened (for
 * the reaper). A channel is forgotten, with its subscriptions, once its close event is published, so a connection
 * that opens and closes channels forever holds only the open ones.
 */
public final class ManagedPeerConnection {
    private final String id;
    private final RTCPeerConnection peerConnection;
    private final Instant createdAt;
    private final long createdNanos;
    private final List<RTCIceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    private final Map<String, ManagedDataChannel> dataChannels = new ConcurrentHashMap<>();
    private final AtomicLong channelSequence = new AtomicLong();
    /** Guarded by itself; keyed by the connection's (stable) transceiver facades. */
    private final Map<RTCRtpTransceiver, ManagedTransceiver> transceivers = new IdentityHashMap<>();
    private long transceiverSequence;
    /** The connection's own listeners: a fixed few, registered once by the watcher. */
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> endOfCandidates = new CompletableFuture<>();
    private volatile long lastActivityNanos;
    private volatile StatsSummary lastStats = StatsSummary.EMPTY;
    /** Statistics samples to leave out before the next one: connections without traffic are sampled less often. */
    private volatile int statsSamplesToSkip;
    private volatile int lastStatsBackoff;
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

    /** Data channels of this connection, opened by either side and not yet closed, in creation order. */
    public List<ManagedDataChannel> dataChannels() {
        return dataChannels.values().stream().sorted(Comparator.comparingLong(ManagedDataChannel::sequence))
                .toList();
    }

    /** The channel with this REST id, while it is not closed. */
    public Optional<ManagedDataChannel> dataChannel(String channelId) {
        return channelId == null ? Optional.empty() : Optional.ofNullable(dataChannels.get(channelId));
    }

    /** The managed channel of this stack channel, if it is still known. */
    Optional<ManagedDataChannel> dataChannel(RTCDataChannel channel) {
        return dataChannels.values().stream().filter(managed -> managed.channel() == channel).findFirst();
    }

    /**
     * The connection's transceivers under their REST ids, in the connection's order; one that a remote offer
     * added gets its id here, the first time anyone looks.
     */
    public List<ManagedTransceiver> transceivers() {
        List<RTCRtpTransceiver> current = peerConnection.getTransceivers();
        List<ManagedTransceiver> managed = new ArrayList<>(current.size());
        synchronized (transceivers) {
            for (RTCRtpTransceiver transceiver : current) {
                managed.add(transceivers.computeIfAbsent(transceiver,
                        t -> new ManagedTransceiver(++transceiverSequence, t)));
            }
        }
        return managed;
    }

    /** The transceiver with this REST id. */
    public Optional<ManagedTransceiver> transceiver(String transceiverId) {
        return transceivers().stream().filter(t -> t.transceiverId().equals(transceiverId)).findFirst();
    }

    /** The managed form of one of this connection's transceivers. */
    ManagedTransceiver transceiver(RTCRtpTransceiver transceiver) {
        transceivers();
        synchronized (transceivers) {
            return transceivers.get(transceiver);
        }
    }

    /**
     * Asks every video track this connection sends for a keyframe: coded video forwarded from a stream or another
     * connection starts mid-stream, and the peer can decode nothing before the next keyframe.
     */
    void requestKeyframes() {
        for (RTCRtpTransceiver transceiver : peerConnection.getTransceivers()) {
            MediaStreamTrack track = transceiver.getSender().getTrack();
            if (track != null && track.getKind() == MediaKind.VIDEO) {
                track.requestKeyframe();
            }
        }
    }

    /** Ends what the REST API attached to the transceivers (players, recorders, publications). */
    void releaseMedia() {
        List<ManagedTransceiver> attached;
        synchronized (transceivers) {
            attached = List.copyOf(transceivers.values());
        }
        attached.forEach(ManagedTransceiver::release);
    }

    /** The latest statistics sample, {@link StatsSummary#EMPTY} before the first. */
    public StatsSummary lastStats() {
        return lastStats;
    }

    void touch(long now) {
        lastActivityNanos = now;
        statsSamplesToSkip = 0;
    }

    /** Whether this round of statistics sampling leaves the connection out (and counts the round). */
    boolean skipStatsSample() {
        int skip = statsSamplesToSkip;
        if (skip <= 0) {
            return false;
        }
        statsSamplesToSkip = skip - 1;
        return true;
    }

    /**
     * After a sample: none skipped when application data moved since the previous one; otherwise twice as many as
     * last time plus one, up to {@code most}, so a quiet connection costs a sample every {@code most + 1} rounds.
     */
    void scheduleStatsSamples(boolean trafficMoved, int most) {
        statsSamplesToSkip = trafficMoved ? 0 : Math.min(most, lastStatsBackoff * 2 + 1);
        lastStatsBackoff = statsSamplesToSkip;
    }

    void addLocalCandidate(RTCIceCandidate candidate) {
        localCandidates.add(candidate);
    }

    void markGatheringComplete() {
        endOfCandidates.complete(null);
    }

    /** Gives the channel the next REST id and keeps it until {@link #forgetDataChannel}. */
    ManagedDataChannel addDataChannel(RTCDataChannel channel, boolean messageEvents) {
        ManagedDataChannel managed =
                new ManagedDataChannel(channelSequence.incrementAndGet(), channel, messageEvents);
        dataChannels.put(managed.channelId(), managed);
        return managed;
    }

    /** Drops a closed channel and its listeners. */
    void forgetDataChannel(ManagedDataChannel channel) {
        dataChannels.remove(channel.channelId(), channel);
        channel.unsubscribeAll();
    }

    /** Listeners held for this connection and its channels (bounded-memory tests). */
    int subscriptionCount() {
        int count = subscriptions.size();
        for (ManagedDataChannel channel : dataChannels.values()) {
            count += channel.subscriptionCount();
        }
        return count;
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
        for (ManagedDataChannel channel : dataChannels.values()) {
            channel.unsubscribeAll();
        }
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
