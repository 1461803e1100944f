package io.jrtc.ice;

import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunParseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A full ICE agent (RFC 8445) for one component over UDP and TCP (RFC 6544), with trickle (RFC 8838) and consent
 * freshness (RFC 7675), as a sans-IO state machine driven by one thread.
 *
 * <p>The caller binds sockets and registers each with {@link #addHostSocket}, and each TURN allocation it made
 * with {@link #addRelaySocket}; feeds every received STUN datagram
 * to {@link #handleReceive}; calls {@link #handleTimeout} at {@link #pollTimeout()}; and after each call drains
 * {@link #pollTransmit()} and {@link #pollEvent()}. Checks use regular nomination (§8.1.1); the controlled side
 * follows the controlling side's USE-CANDIDATE. Facing a lite peer it is always controlling and nominates.
 *
 * <p>Configured {@link IceAgentConfig#lite() lite} (§2.5), it is always controlled by a full peer, sends no
 * checks and nominates nothing: a peer's authentic check makes its pair valid, its USE-CANDIDATE selects the pair,
 * and its checks are the consent (a lite connection fails after the failed timeout without one).
 */
public final class IceAgent {
    private static final System.Logger LOG = System.getLogger(IceAgent.class.getName());
    private static final long UNSET = Long.MIN_VALUE;
    /** A budget for the unauthenticated error answers of all agents of an engine: 200 at once, 100 per second. */
    public static final int ENGINE_ERROR_BURST = 200;
    public static final int ENGINE_ERROR_RATE = 100;

    private final IceAgentConfig config;
    private final Outbox outbox;
    private final LocalCandidates locals = new LocalCandidates();
    private final Gathering gathering;
    private final CheckList checkList;
    private final Checks checks;
    private final Credentials credentials;
    private final RemoteCandidates remoteCandidates = new RemoteCandidates();
    private final Consent consent;
    private final Nomination nomination;
    private final CheckScheduler scheduler;
    private final AgentRole role;
    private final IncomingChecks incoming;
    private final CheckResponses responses;
    private final ConnectionStates states;
    private boolean remoteEndOfCandidates;
    /** The latest time any call passed in: deadlines already past are reported as this, never earlier. */
    private long lastNow = UNSET;
    private boolean closed;

    /** An agent whose unauthenticated error answers only its own budget limits. */
    public IceAgent(IceAgentConfig config) {
        this(config, new TokenBucket(ENGINE_ERROR_BURST, ENGINE_ERROR_RATE));
    }

    /**
     * An agent whose unauthenticated error answers (400, 401) are limited by its own budget and by
     * {@code sharedErrorBudget}, which the caller shares among all its agents (an engine's, say).
     */
    public IceAgent(IceAgentConfig config, TokenBucket sharedErrorBudget) {
        Objects.requireNonNull(sharedErrorBudget, "sharedErrorBudget");
        this.config = Objects.requireNonNull(config, "config");
        this.checkList = new CheckList(config.maxPairs(), config.destinations());
        this.outbox = new Outbox(new Random(config.randomSeed()));
        this.states = new ConnectionStates(config.failedTimeoutNanos(), outbox);
        this.gathering = new Gathering(locals, outbox, config.stunServers());
        this.credentials = new Credentials(config.localParameters());
        this.checks = new Checks(outbox);
        this.consent = new Consent(config, outbox.random());
        this.nomination = new Nomination(outbox, credentials, config.checkIntervalNanos());
        this.scheduler = new CheckScheduler(config, credentials, checks, checkList, nomination, locals);
        this.role = new AgentRole(config.lite() ? IceRole.CONTROLLED : config.initialRole(), checkList, nomination,
                outbox);
        this.incoming = new IncomingChecks(config, credentials, outbox, role, remoteCandidates, locals, checkList,
                nomination, scheduler, this::onSelected, sharedErrorBudget);
        this.responses = new CheckResponses(checks, consent, nomination, role, locals, checkList, this::onSelected);
    }

    /**
     * Registers a bound UDP socket and creates its host candidate (RFC 8445 §5.1.1.1): priority with type
     * preference 126 and a local preference that puts global IPv6 first, then IPv4, then link-local IPv6, and
     * distinguishes sockets; foundation per base address and type.
     */
    public IceCandidate addHostSocket(long now, int socketId, InetSocketAddress boundAddress) {
        advanceTo(now);
        return registered(now, socketId, locals.addHost(socketId, boundAddress));
    }

    /**
     * Registers a TURN allocation the caller made as socket {@code socketId} and creates its relayed candidate (RFC
     * 8445 §5.1.1.2, type preference 0): checks and data for pairs on it come out of {@link #pollTransmit()} with
     * that socket id and a peer address, for the caller to send through its TURN client; what the TURN server relays
     * back from a peer the caller feeds to {@link #handleReceive} with the same id. No STUN server is asked on it.
     *
     * @param mapped the server-reflexive address the TURN server reported (the candidate's related address), or null
     * @param server the TURN server's address (it separates foundations)
     */
    public IceCandidate addRelaySocket(long now, int socketId, InetSocketAddress relayed, InetSocketAddress mapped,
                                       InetSocketAddress server) {
        advanceTo(now);
        return registered(now, socketId, locals.addRelay(socketId, relayed, mapped, server));
    }

    /**
     * Registers a passive TCP host candidate (RFC 6544 §5.1) on {@code listening}, an address where the caller
     * accepts streams (RFC 4571 framing) for this agent as socket {@code socketId}: every framed STUN message a
     * stream from {@code peer} carries goes to {@link #handleReceive} with that id and the stream's remote address,
     * and what {@link #pollTransmit()} yields for that id and address goes back on that stream. We never connect
     * from it: its pairs are the streams peers open, each a peer-reflexive remote candidate (§7.2). No STUN server
     * is asked on it.
     */
    public IceCandidate addPassiveTcpSocket(long now, int socketId, InetSocketAddress listening) {
        advanceTo(now);
        return registered(now, socketId, locals.addPassiveTcp(socketId, listening));
    }

    /**
     * Registers an active TCP host candidate (RFC 6544 §5.1) on {@code address}, as socket {@code socketId}: it pairs
     * with the peer's passive candidates, and the caller opens a stream to a pair's remote address when the first
     * packet for it comes out of {@link #pollTransmit()}, framing packets (RFC 4571) and feeding what comes back to
     * {@link #handleReceive} with this id and that address.
     */
    public IceCandidate addActiveTcpSocket(long now, int socketId, InetAddress address) {
        advanceTo(now);
        return registered(now, socketId, locals.addActiveTcp(socketId, address));
    }

    /** A socket just added: once the agent runs, it pairs, is announced and may start checks. */
    private IceCandidate registered(long now, int socketId, IceCandidate candidate) {
        if (!closed) {
            pairAndAnnounce(now, socketId);
            runScheduledWork(now);
        }
        return candidate;
    }

    /** A new socket pairs with every remote candidate and, once gathering began, announces its candidate. */
    private void pairAndAnnounce(long now, int socketId) {
        LocalCandidates.HostSocket socket = locals.socket(socketId);
        for (IceCandidate remote : remoteCandidates.all()) {
            checkList.pair(socket, remote, role.current());
        }
        gathering.onSocketAdded(now, socket);
    }

    /**
     * The caller began a TURN allocation: until {@link #relayAllocationEnded} balances it, gathering does not
     * complete, so that end-of-candidates waits for the relayed candidate.
     */
    public void relayAllocationStarted() {
        gathering.relayAllocationStarted();
    }

    /** A TURN allocation began with {@link #relayAllocationStarted} ended, with its candidate added or failed. */
    public void relayAllocationEnded(long now) {
        advanceTo(now);
        gathering.relayAllocationEnded();
    }

    /**
     * Starts gathering (RFC 8445 §5.1.1): reports every host and relayed candidate at once, then asks each STUN
     * server for server-reflexive candidates, and reports completion when those transactions end (at once without
     * servers) and no TURN allocation is pending.
     */
    public void gather(long now) {
        advanceTo(now);
        if (!closed) {
            gathering.start(now);
        }
    }

    /** Sets the peer's ufrag/pwd; new values after the first ones mean the peer restarted ICE (§9). */
    public void setRemoteParameters(IceParameters remote) {
        Objects.requireNonNull(remote, "remote");
        if (closed) {
            return;
        }
        if (credentials.remote() != null && !credentials.remote().equals(remote)
                && !credentials.awaitingRemoteRestart()) {
            beginRestart();
        }
        credentials.setRemote(remote);
        if (remote.iceLite() != config.lite()) {
            // RFC 8445 §6.1.1: facing a lite agent, the full agent controls.
            role.switchTo(remote.iceLite() ? IceRole.CONTROLLING : IceRole.CONTROLLED);
        }
        if (config.lite() && lastNow != UNSET) {
            states.startFailedTimer(lastNow);
        }
    }

    /**
     * Adds a remote candidate (trickle, RFC 8838 §11) and pairs it with every local socket of its address
     * family and transport (TCP ones by the rules of RFC 6544 §6.2). Candidates that are neither UDP nor TCP, not
     * component 1, or whose address is not an IP literal (unresolved
     * mDNS names) are ignored.
     */
    public void addRemoteCandidate(long now, IceCandidate c) {
        Objects.requireNonNull(c, "candidate");
        advanceTo(now);
        if (closed) {
            return;
        }
        InetSocketAddress address = c.socketAddress();
        if (address == null || c.component() != 1
                || !(c.protocol().equals(IceCandidate.UDP) || c.protocol().equals(IceCandidate.TCP))) {
            LOG.log(System.Logger.Level.DEBUG, "ignoring remote candidate {0}", c);
            return;
        }
        if (remoteCandidates.accept(c, config, checkList, role.current())) {
            for (LocalCandidates.HostSocket s : locals.sockets()) {
                checkList.pair(s, c, role.current());
            }
            runScheduledWork(now);
        }
    }

    /** The peer has signalled end-of-candidates (RFC 8838 §8.2): all pairs failing now means failure. */
    public void endOfRemoteCandidates(long now) {
        advanceTo(now);
        if (closed) {
            return;
        }
        remoteEndOfCandidates = true;
        states.startFailedTimer(now);
        runScheduledWork(now);
    }

    /** Handles one received datagram that the caller has demultiplexed as STUN (first byte 0..3). */
    public void handleReceive(long now, int socketId, InetSocketAddress from, byte[] data, int offset, int length) {
        advanceTo(now);
        if (closed || locals.socket(socketId) == null) {
            return;
        }
        StunMessage message;
        try {
            message = StunMessage.parse(data, offset, length);
        } catch (StunParseException e) {
            LOG.log(System.Logger.Level.DEBUG, "dropping malformed STUN from {0}: {1}", from, e.getMessage());
            return;
        }
        if (message.method() != StunMethod.BINDING || (message.hasFingerprint() && !message.verifyFingerprint())) {
            LOG.log(System.Logger.Level.DEBUG, "dropping STUN from {0}: not a valid Binding message", from);
            return;
        }
        switch (message.messageClass()) {
            case REQUEST -> {
                if (incoming.handle(now, socketId, from, message) && config.lite()) {
                    onLiteCheck(now, socketId, from);
                }
            }
            case INDICATION -> noteTrafficReceived(now, socketId, from);
            default -> {
                if (!gathering.handleResponse(socketId, from, message)) {
                    responses.handle(now, socketId, from, message);
                }
            }
        }
        runScheduledWork(now);
    }

    public void handleTimeout(long now) {
        advanceTo(now);
        if (closed) {
            return;
        }
        gathering.handleTimeout(now);
        for (Check timedOut : checks.handleTimeout(now)) {
            scheduler.onTimedOut(timedOut);
        }
        runScheduledWork(now);
    }

    public IceTransmit pollTransmit() {
        return outbox.pollTransmit();
    }

    public IceEvent pollEvent() {
        return outbox.pollEvent();
    }

    /** The earliest time {@link #handleTimeout} has work, or Long.MAX_VALUE. */
    public long pollTimeout() {
        if (closed) {
            return Long.MAX_VALUE;
        }
        long deadline = Math.min(gathering.deadline(), checks.deadline());
        if (isActive() && !config.lite()) {
            deadline = Math.min(deadline, scheduler.deadline());
        }
        long nominationWait = nomination.waitDeadline(role.current(), canSendChecks(), checkList);
        if (nominationWait != UNSET) {
            deadline = Math.min(deadline, nominationWait);
        }
        IceCandidatePair selected = nomination.selected();
        if (selected != null && states.current() != IceConnectionState.FAILED) {
            deadline = Math.min(deadline, consent.deadline(selected, states.current()));
        } else {
            deadline = Math.min(deadline, states.failedDeadline());
        }
        return deadline == Long.MAX_VALUE ? deadline : Math.max(deadline, lastNow);
    }

    private void advanceTo(long now) {
        lastNow = Math.max(lastNow, now);
    }

    public IceConnectionState connectionState() {
        return states.current();
    }

    public IceGatheringState gatheringState() {
        return gathering.state();
    }

    public IceRole role() {
        return role.current();
    }

    public IceCandidatePair selectedPair() {
        return nomination.selected();
    }

    /** The pairs of the current check list, highest priority first. */
    public List<IceCandidatePair> pairs() {
        return checkList.pairs();
    }

    public List<IceCandidate> localCandidates() {
        return locals.all();
    }

    /** Remote candidates dropped because {@link IceAgentConfig#maxRemoteCandidates()} were already known. */
    public long ignoredRemoteCandidates() {
        return remoteCandidates.ignored();
    }

    /**
     * Remote candidates and check sources dropped because {@link IceAgentConfig#destinations()} forbids sending
     * there: no check, response or error goes to them.
     */
    public long filteredDestinations() {
        return remoteCandidates.filtered() + incoming.filteredSources();
    }

    /** Unauthenticated checks left unanswered because an error budget was spent. */
    public long unansweredErrors() {
        return incoming.unansweredErrors();
    }

    public List<IceCandidate> remoteCandidates() {
        return remoteCandidates.all();
    }

    public IceParameters localParameters() {
        return credentials.local();
    }

    public IceParameters remoteParameters() {
        return credentials.remote();
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials, a new check list and a new gathering round (call
     * {@link #gather} again). The selected pair stays in use, and keeps its consent with the previous credentials,
     * until a pair of the new check list is selected.
     */
    public void restart(long now, IceParameters newLocal) {
        Objects.requireNonNull(newLocal, "newLocal");
        advanceTo(now);
        if (closed || newLocal.equals(credentials.local())) {
            return;
        }
        if (!credentials.awaitingLocalRestart()) {
            beginRestart();
        }
        credentials.setLocal(newLocal);
        runScheduledWork(now);
    }

    /** Counts a non-STUN packet from a pair's remote address as activity for disconnect detection. */
    public void noteTrafficReceived(long now, int socketId, InetSocketAddress from) {
        advanceTo(now);
        if (closed) {
            return;
        }
        IceCandidatePair selected = nomination.selected();
        IceCandidatePair pair = selected != null && selected.matches(socketId, from)
                ? selected
                : checkList.find(socketId, from);
        if (pair != null) {
            pair.onPacketReceived(now);
            evaluateState(now);
        }
    }

    /**
     * Sets our role before checks begin, once the caller knows whether it offered (RFC 8445 §6.1.1); later role
     * changes come only from conflicts (§7.3.1.1).
     */
    public void setRole(IceRole newRole) {
        Objects.requireNonNull(newRole, "newRole");
        IceParameters remote = credentials.remote();
        if (!closed && (remote != null && remote.iceLite()) == config.lite()) {
            role.switchTo(newRole); // facing a lite agent (or as one), the roles are fixed (RFC 8445 §6.1.1)
        }
    }

    /** The STUN servers to ask for server-reflexive candidates; set before {@link #gather}. */
    public void setStunServers(List<InetSocketAddress> servers) {
        gathering.setStunServers(servers);
    }

    /** Stops everything: state closed, no more transmits or timeouts. */
    public void close() {
        if (closed) {
            return;
        }
        states.set(IceConnectionState.CLOSED);
        closed = true;
        outbox.dropTransmits();
        checks.clear();
        gathering.close();
        checkList.clear();
    }

    // ---- checks -------------------------------------------------------------------------------------------

    private boolean canSendChecks() {
        return !config.lite() && credentials.canCheck() && isActive();
    }

    /** As lite, an authentic check from the peer begins checking and renews consent on the selected pair. */
    private void onLiteCheck(long now, int socketId, InetSocketAddress from) {
        states.checksStarted(now);
        IceCandidatePair selected = nomination.selected();
        if (selected != null && selected.matches(socketId, from)) {
            consent.granted(now);
        }
    }

    private boolean isActive() {
        return !closed && states.isActive();
    }

    private void sendPacedCheck(long now) {
        if (isActive() && scheduler.sendPaced(now, role.current())) {
            states.checksStarted(now);
        }
    }

    private void onSelected(long now) {
        credentials.finishRestart();
        consent.start(now);
        states.onSelected();
    }

    // ---- restart ------------------------------------------------------------------------------------------

    private void beginRestart() {
        credentials.beginRestart(nomination.selected());
        checks.dropConnectivityChecks();
        checkList.clear();
        remoteCandidates.clear();
        locals.clearReflexive();
        nomination.restart();
        remoteEndOfCandidates = false;
        if (nomination.selected() == null) {
            states.resetFailedTimer();
        }
        gathering.restart();
    }

    // ---- timers and states --------------------------------------------------------------------------------

    private void runScheduledWork(long now) {
        if (!isActive()) {
            return;
        }
        if (config.lite()) {
            if (credentials.remote() != null) {
                states.startFailedTimer(now);
            }
        } else {
            nomination.maybeNominate(now, role.current(), canSendChecks(), checkList);
            sendPacedCheck(now);
        }
        IceCandidatePair selected = nomination.selected();
        if (selected != null) {
            consent.run(now, selected, states.current(), credentials, checks, role.current(), config.tieBreaker(), locals);
        }
        evaluateState(now);
    }

    private void evaluateState(long now) {
        if (!isActive()) {
            return;
        }
        IceCandidatePair selected = nomination.selected();
        if (selected != null) {
            states.set(consent.evaluate(now, selected, states.current(), isCompleted(selected)));
            return;
        }
        states.failIfChecksFailed(now, remoteEndOfCandidates && checkList.allFailed() && !checks.hasPendingChecks());
    }

    /** Completed: nominated, both sides done with candidates, and not a pair kept through a restart. */
    private boolean isCompleted(IceCandidatePair selected) {
        return selected.nominated() && remoteEndOfCandidates && gathering.isComplete()
                && !credentials.isLegacy(selected);
    }
}
