package io.jrtc.ice;

/**
 * When connectivity checks go out (RFC 8445 §6.1.4): at most one new check per Ta, a triggered one (§7.3.1.4)
 * before the highest-priority Waiting pair; ordinary checks stop once nomination is done (§8.1.2). It also
 * settles a check that timed out.
 */
final class CheckScheduler {
    private static final long UNSET = Long.MIN_VALUE;
    private final IceAgentConfig config;
    private final Credentials credentials;
    private final Checks checks;
    private final CheckList checkList;
    private final Nomination nomination;
    private final LocalCandidates locals;
    private long nextCheckAt = UNSET;

    CheckScheduler(IceAgentConfig config, Credentials credentials, Checks checks, CheckList checkList,
            Nomination nomination, LocalCandidates locals) {
        this.config = config;
        this.credentials = credentials;
        this.checks = checks;
        this.checkList = checkList;
        this.nomination = nomination;
        this.locals = locals;
    }

    /** When the next check may go out, or Long.MAX_VALUE when there is none to send. */
    long deadline() {
        boolean work = checkList.hasTriggered() || (!nomination.isDone() && checkList.nextWaiting() != null);
        return work && credentials.canCheck() ? nextCheckAt : Long.MAX_VALUE;
    }

    /**
     * Sends the next check if one is due; returns whether it did. The nomination of a pair that has already
     * succeeded goes out at once rather than in the next Ta slot: pacing (RFC 8445 §14.2) keeps new checks from
     * flooding the network and NATs with new bindings, and this one only repeats a check on a working path. It
     * saves the controlled agent a Ta before it can select the pair and DTLS can start.
     */
    boolean sendPaced(long now, IceRole role) {
        if (!credentials.canCheck() || (nextCheckAt != UNSET && now < nextCheckAt && !nominationDue())) {
            return false;
        }
        CheckList.Triggered t = checkList.pollTriggered();
        IceCandidatePair pair = t != null ? t.pair() : !nomination.isDone() ? checkList.nextWaiting() : null;
        if (pair == null) {
            return false;
        }
        IceParameters remote = credentials.remote();
        long priority = LocalCandidates.peerReflexivePriority(locals.socket(pair.localSocketId()));
        checks.send(now, pair, false, t != null && t.useCandidate(), remote.usernameFragment() + ":"
                + credentials.local().usernameFragment(), remote.password(), priority, role, config.tieBreaker());
        if (pair.state() != IceCandidatePairState.SUCCEEDED) {
            pair.state(IceCandidatePairState.IN_PROGRESS);
        }
        nextCheckAt = now + config.checkIntervalNanos();
        return true;
    }

    private boolean nominationDue() {
        CheckList.Triggered next = checkList.peekTriggered();
        return next != null && next.useCandidate() && next.pair().state() == IceCandidatePairState.SUCCEEDED;
    }

    /** A triggered check for a pair the peer just checked (RFC 8445 §7.3.1.4). */
    void trigger(long now, IceCandidatePair pair) {
        switch (pair.state()) {
            case SUCCEEDED -> { }
            case IN_PROGRESS -> checks.resendSoon(now, pair, config.checkIntervalNanos());
            case FAILED, FROZEN, WAITING -> {
                pair.state(IceCandidatePairState.WAITING);
                checkList.enqueueTriggered(pair, false);
            }
        }
    }

    void onTimedOut(Check check) {
        IceCandidatePair pair = check.pair();
        if (check.consent()) {
            return;
        }
        if (check.useCandidate()) {
            nomination.onNominationCheckEnded(pair);
        }
        // A valid pair whose nomination check went unanswered has lost its path, too.
        boolean lost = pair.state() == IceCandidatePairState.IN_PROGRESS || check.useCandidate();
        if (lost && !pair.nominated() && !checks.hasPendingCheck(pair)) {
            pair.state(IceCandidatePairState.FAILED);
        }
    }
}
