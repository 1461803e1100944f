package io.jrtc.ice;

import io.jrtc.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The peer's connectivity checks, Binding requests (RFC 8445 §7.3): validated and answered, with an error for
 * a bad one (§7.3.1, RFC 8489 §9.1.3) or a role conflict (§7.3.1.1); an authentic one from an unknown address
 * teaches a peer-reflexive candidate (§7.3.1.3), triggers a check of its pair (§7.3.1.4) and, as controlled,
 * carries the peer's nomination (§7.3.1.5).
 *
 * <p>An error answer to a request that is not authenticated (400 or 401, RFC 8489 §9.1.3) costs a stranger nothing
 * and is larger than the request, so they are rate-limited twice: by the agent's own bucket
 * ({@link #AGENT_ERROR_BURST} at once, {@link #AGENT_ERROR_RATE} per second) and by one the caller shares among
 * its agents; past either, the request is dropped unanswered. Errors to authenticated requests (420, 487) are the
 * peer's own business and always sent.
 */
final class IncomingChecks {
    static final int AGENT_ERROR_BURST = 10;
    static final int AGENT_ERROR_RATE = 5;
    private static final System.Logger LOG = System.getLogger(IncomingChecks.class.getName());
    private final IceAgentConfig config;
    private final Credentials credentials;
    private final Outbox outbox;
    private final AgentRole role;
    private final RemoteCandidates remoteCandidates;
    private final LocalCandidates locals;
    private final CheckList checkList;
    private final Nomination nomination;
    private final CheckScheduler scheduler;
    private final LongConsumer onSelected;
    private final TokenBucket agentErrorBudget = new TokenBucket(AGENT_ERROR_BURST, AGENT_ERROR_RATE);
    private final TokenBucket sharedErrorBudget;
    private long unansweredErrors;
    private long filteredSources;

    IncomingChecks(IceAgentConfig config, Credentials credentials, Outbox outbox, AgentRole role,
            RemoteCandidates remoteCandidates, LocalCandidates locals, CheckList checkList, Nomination nomination,
            CheckScheduler scheduler, LongConsumer onSelected, TokenBucket sharedErrorBudget) {
        this.config = config;
        this.credentials = credentials;
        this.outbox = outbox;
        this.role = role;
        this.remoteCandidates = remoteCandidates;
        this.locals = locals;
        this.checkList = checkList;
        this.nomination = nomination;
        this.scheduler = scheduler;
        this.onSelected = onSelected;
        this.sharedErrorBudget = sharedErrorBudget;
    }

    /** Requests dropped unanswered because the destination policy forbids sending to their source. */
    long filteredSources() {
        return filteredSources;
    }

    /** Unauthenticated requests left unanswered because an error budget was spent. */
    long unansweredErrors() {
        return unansweredErrors;
    }

    /** Returns whether the request was authentic and answered with success. */
    boolean handle(long now, int socketId, InetSocketAddress from, StunMessage request) {
        String forbidden = config.destinations().verdict(locals.socket(socketId).bound(), from);
        if (forbidden != null) {
            filteredSources++;
            LOG.log(System.Logger.Level.DEBUG, "dropping a check from {0}: {1}", from, forbidden);
            return false;
        }
        IncomingRequest in = IncomingRequest.validate(request, credentials);
        if (in.errorCode() != 0) {
            if (in.localPassword() == null && !(agentErrorBudget.tryTake(now) && sharedErrorBudget.tryTake(now))) {
                unansweredErrors++;
                LOG.log(System.Logger.Level.DEBUG, "not answering {0} to {1}: error budget spent", in.errorCode(), from);
                return false;
            }
            outbox.send(socketId, from, CheckMessages.error(request, in.errorCode(), in.errorReason(),
                    in.localPassword(), in.unknown()));
            return false;
        }
        switch (RoleConflict.of(role.current(), config.tieBreaker(), request)) {
            case REJECT -> {
                outbox.send(socketId, from, CheckMessages.error(request, 487, "Role Conflict", in.localPassword(),
                        List.of()));
                return false;
            }
            case SWITCH -> role.switchTo(role.current().opposite());
            case NONE -> { }
        }
        outbox.send(socketId, from, CheckMessages.success(request, from, in.localPassword()));
        IceCandidatePair selected = nomination.selected();
        if (in.previousGeneration()) {
            // Consent of the pair kept through a restart: answer it, but learn nothing for the new check list.
            if (selected != null && selected.matches(socketId, from)) {
                selected.onRequestReceived(now);
                selected.onResponseSent();
            }
            return true;
        }
        LocalCandidates.HostSocket socket = locals.socket(socketId);
        IceCandidate remote = remoteCandidates.find(from, socket.host().protocol());
        if (remote == null) {
            if (remoteCandidates.size() >= config.maxRemoteCandidates()) {
                remoteCandidates.countIgnored();
                return true; // answered, as it was authentic, but no more addresses to check
            }
            remote = remoteCandidates.learnPeerReflexive(from, in.priority(), socket.host(), outbox.random());
        }
        IceCandidatePair pair = checkList.pair(socket, remote, role.current());
        if (pair == null) {
            return true; // the peer's address family differs from the socket's (an IPv4-mapped source, say)
        }
        pair.onRequestReceived(now);
        pair.onResponseSent();
        if (selected != null && selected != pair && selected.matches(socketId, from)) {
            selected.onPacketReceived(now);
        }
        if (config.lite()) {
            // RFC 8445 §2.5, §7.3.1.5: a lite agent checks nothing back; the peer's check makes the pair valid and
            // its USE-CANDIDATE nominates it.
            pair.state(IceCandidatePairState.SUCCEEDED);
            if (request.useCandidate() && nomination.nominate(pair)) {
                onSelected.accept(now);
            }
            return true;
        }
        scheduler.trigger(now, pair);
        if (request.useCandidate() && role.current() == IceRole.CONTROLLED) {
            if (pair.state() == IceCandidatePairState.SUCCEEDED) {
                if (nomination.nominate(pair)) {
                    onSelected.accept(now);
                }
            } else {
                pair.nominateOnSuccess(true);
            }
        }
        return true;
    }
}
