package io.jrtc.ice;

import java.net.InetSocketAddress;

/**
 * A local and a remote candidate that checks run on (RFC 8445 §6.1.2), with its state and the counters of W3C
 * RTCIceCandidatePairStats. The local candidate is the base the agent sends from (a host candidate: reflexive
 * candidates are replaced by their base, §6.1.2.4). Read it on the thread that drives the agent.
 */
public final class IceCandidatePair {
    private final IceCandidate local;
    private final int localSocketId;
    private final InetSocketAddress remoteAddress;
    private IceCandidate remote;
    private long priority;
    private IceCandidatePairState state = IceCandidatePairState.WAITING;
    private boolean nominated;
    private boolean nominateOnSuccess;
    private long requestsSent;
    private long responsesReceived;
    private long requestsReceived;
    private long responsesSent;
    private Long currentRoundTripTimeNanos;
    private Long totalRoundTripTimeNanos;
    private long roundTripTimeMeasurements;
    private long lastPacketReceivedNanos = Long.MIN_VALUE;
    private long lastRequestSentNanos = Long.MIN_VALUE;

    IceCandidatePair(IceCandidate local, int localSocketId, IceCandidate remote, InetSocketAddress remoteAddress,
            IceRole role) {
        this.local = local;
        this.localSocketId = localSocketId;
        this.remote = remote;
        this.remoteAddress = remoteAddress;
        updatePriority(role);
    }

    public IceCandidate local() {
        return local;
    }

    public IceCandidate remote() {
        return remote;
    }

    public int localSocketId() {
        return localSocketId;
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** Pair priority (RFC 8445 §6.1.2.3), a 64-bit unsigned number. */
    public long priority() {
        return priority;
    }

    /** The pair foundation: local and remote foundations joined (RFC 8445 §6.1.2.6). */
    public String foundation() {
        return local.foundation() + ":" + remote.foundation();
    }

    public IceCandidatePairState state() {
        return state;
    }

    /** Whether this pair has been nominated (RFC 8445 §8.1.1), by us as controlling or by the peer. */
    public boolean nominated() {
        return nominated;
    }

    public long requestsSent() {
        return requestsSent;
    }

    public long responsesReceived() {
        return responsesReceived;
    }

    public long requestsReceived() {
        return requestsReceived;
    }

    public long responsesSent() {
        return responsesSent;
    }

    /** The latest unambiguous round-trip sample of a check or consent request, or null before any. */
    public Long currentRoundTripTimeNanos() {
        return currentRoundTripTimeNanos;
    }

    /** The sum of all round-trip samples, or null before any. */
    public Long totalRoundTripTimeNanos() {
        return totalRoundTripTimeNanos;
    }

    public long roundTripTimeMeasurements() {
        return roundTripTimeMeasurements;
    }

    /** When a STUN packet or noted traffic last arrived on this pair; Long.MIN_VALUE before any. */
    public long lastPacketReceivedNanos() {
        return lastPacketReceivedNanos;
    }

    public long lastRequestSentNanos() {
        return lastRequestSentNanos;
    }

    boolean matches(int socketId, InetSocketAddress address) {
        return localSocketId == socketId && remoteAddress.equals(address);
    }

    void updatePriority(IceRole role) {
        priority = role == IceRole.CONTROLLING
                ? IcePriority.pairPriority(local.priority(), remote.priority())
                : IcePriority.pairPriority(remote.priority(), local.priority());
    }

    void replaceRemote(IceCandidate signalled, IceRole role) {
        remote = signalled;
        updatePriority(role);
    }

    void state(IceCandidatePairState newState) {
        state = newState;
    }

    void markNominated() {
        nominated = true;
    }

    boolean nominateOnSuccess() {
        return nominateOnSuccess;
    }

    void nominateOnSuccess(boolean on) {
        nominateOnSuccess = on;
    }

    void onRequestSent(long now) {
        requestsSent++;
        lastRequestSentNanos = now;
    }

    void onResponseReceived(long now, Long roundTripNanos) {
        responsesReceived++;
        onPacketReceived(now);
        if (roundTripNanos != null) {
            currentRoundTripTimeNanos = roundTripNanos;
            totalRoundTripTimeNanos = (totalRoundTripTimeNanos == null ? 0 : totalRoundTripTimeNanos) + roundTripNanos;
            roundTripTimeMeasurements++;
        }
    }

    void onRequestReceived(long now) {
        requestsReceived++;
        onPacketReceived(now);
    }

    void onResponseSent() {
        responsesSent++;
    }

    void onPacketReceived(long now) {
        lastPacketReceivedNanos = Math.max(lastPacketReceivedNanos, now);
    }

    @Override
    public String toString() {
        return "IceCandidatePair[" + local.address() + ":" + local.port() + " -> " + remote.address() + ":"
                + remote.port() + ", " + state + (nominated ? ", nominated" : "") + "]";
    }
}
