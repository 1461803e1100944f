package io.jrtc.ice;

import io.jrtc.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The gathering state of the agent (RFC 8445 §5.1.1, RFC 8838 §4): host and relayed candidates are announced
 * once gathering began, server-reflexive ones are asked of each STUN server from each host socket, and gathering
 * completes when those transactions ended and no TURN allocation the caller makes is pending.
 */
final class Gathering {
    private final ServerReflexiveGatherer reflexive;
    private final LocalCandidates locals;
    private final Outbox outbox;
    private List<InetSocketAddress> stunServers;
    private IceGatheringState state = IceGatheringState.NEW;
    /** TURN allocations the caller is still making: gathering completes only after they ended. */
    private int pendingRelayAllocations;

    Gathering(LocalCandidates locals, Outbox outbox, List<InetSocketAddress> stunServers) {
        this.reflexive = new ServerReflexiveGatherer(outbox);
        this.locals = locals;
        this.outbox = outbox;
        this.stunServers = List.copyOf(stunServers);
    }

    IceGatheringState state() {
        return state;
    }

    boolean isComplete() {
        return state == IceGatheringState.COMPLETE;
    }

    void setStunServers(List<InetSocketAddress> servers) {
        this.stunServers = List.copyOf(servers);
    }

    /** Reports every candidate at once and asks the STUN servers; nothing when gathering is already running. */
    void start(long now) {
        if (state == IceGatheringState.GATHERING) {
            return;
        }
        setState(IceGatheringState.GATHERING);
        for (LocalCandidates.HostSocket s : locals.sockets()) {
            outbox.emit(new IceEvent.CandidateGathered(s.host()));
        }
        for (LocalCandidates.HostSocket s : locals.sockets()) {
            if (s.asksStunServers()) {
                reflexive.start(now, s, stunServers);
            }
        }
        completeIfDone();
    }

    /** A socket added after gathering began is announced, and a host socket asks the STUN servers too. */
    void onSocketAdded(long now, LocalCandidates.HostSocket socket) {
        if (state != IceGatheringState.NEW) {
            outbox.emit(new IceEvent.CandidateGathered(socket.host()));
        }
        if (state == IceGatheringState.GATHERING && socket.asksStunServers()) {
            reflexive.start(now, socket, stunServers);
        }
    }

    void relayAllocationStarted() {
        pendingRelayAllocations++;
    }

    void relayAllocationEnded() {
        if (pendingRelayAllocations > 0) {
            pendingRelayAllocations--;
        }
        completeIfDone();
    }

    /** Returns whether the response answered one of our STUN server queries. */
    boolean handleResponse(int socketId, InetSocketAddress from, StunMessage response) {
        if (!reflexive.handleResponse(socketId, from, response, locals)) {
            return false;
        }
        completeIfDone();
        return true;
    }

    void handleTimeout(long now) {
        reflexive.handleTimeout(now);
        completeIfDone();
    }

    long deadline() {
        return reflexive.deadline();
    }

    /** An ICE restart (RFC 8445 §9) begins a new round: queries in flight are dropped, the state is new. */
    void restart() {
        reflexive.clear();
        setState(IceGatheringState.NEW);
    }

    void close() {
        reflexive.clear();
    }

    private void completeIfDone() {
        if (state == IceGatheringState.GATHERING && reflexive.isIdle() && pendingRelayAllocations == 0) {
            setState(IceGatheringState.COMPLETE);
        }
    }

    private void setState(IceGatheringState s) {
        if (state != s) {
            state = s;
            outbox.emit(new IceEvent.GatheringStateChanged(s));
        }
    }
}
