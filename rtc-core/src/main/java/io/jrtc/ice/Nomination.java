package io.jrtc.ice;

/**
 * Which pair carries data (RFC 8445 §8): regular nomination by the controlling agent (§8.1.1), following the
 * controlling agent's USE-CANDIDATE when controlled (§7.3.1.5), and the selected pair.
 *
 * <p>As controlling, the best valid pair is selected as soon as it is valid, so data can flow early; once no
 * better pair can still succeed, or a short wait has passed, it is checked again with USE-CANDIDATE, and it is
 * nominated when that check succeeds. As controlled, a pair is selected only once nominated, and a later
 * nomination of another pair is followed, whatever its priority: a controlling browser moves to another pair
 * when the first one breaks, and sends USE-CANDIDATE on the new one.
 */
final class Nomination {
    private static final long UNSET = Long.MIN_VALUE;
    private final Outbox outbox;
    private final Credentials credentials;
    private final long nominationWaitNanos;
    private IceCandidatePair selected;
    private IceCandidatePair inFlight;
    private long firstValidAt = UNSET;

    Nomination(Outbox outbox, Credentials credentials, long checkIntervalNanos) {
        this.outbox = outbox;
        this.credentials = credentials;
        this.nominationWaitNanos = 10 * checkIntervalNanos;
    }

    IceCandidatePair selected() {
        return selected;
    }

    /** Whether nomination in the current generation is over, so that ordinary checks can stop (§8.1.2). */
    boolean isDone() {
        return selected != null && selected.nominated() && !credentials.isLegacy(selected);
    }

    /**
     * A check on {@code pair} succeeded; returns whether the selected pair changed. {@code nominatedNow} means
     * that the check carried our USE-CANDIDATE, or, as controlled, that the peer had asked to nominate this pair.
     */
    boolean onValid(long now, IceCandidatePair pair, IceRole role, boolean nominatedNow) {
        if (firstValidAt == UNSET) {
            firstValidAt = now;
        }
        if (nominatedNow) {
            return nominate(pair);
        }
        if (role == IceRole.CONTROLLING && (selected == null
                || !selected.nominated() && Long.compareUnsigned(pair.priority(), selected.priority()) > 0)) {
            return select(pair);
        }
        return false;
    }

    /** The nomination check on {@code pair} ended without nominating it (timeout or error). */
    void onNominationCheckEnded(IceCandidatePair pair) {
        if (inFlight == pair && !pair.nominated()) {
            inFlight = null;
        }
    }

    /** Returns whether the selected pair changed. */
    boolean nominate(IceCandidatePair pair) {
        pair.markNominated();
        pair.nominateOnSuccess(false);
        if (inFlight == pair) {
            inFlight = null;
        }
        return select(pair);
    }

    private boolean select(IceCandidatePair pair) {
        if (selected == pair) {
            return false;
        }
        selected = pair;
        outbox.emit(new IceEvent.SelectedPairChanged(pair));
        return true;
    }

    /** As controlling: queues the USE-CANDIDATE check once the best valid pair is clear. */
    void maybeNominate(long now, IceRole role, boolean canSendChecks, CheckList checkList) {
        long wait = waitDeadline(role, canSendChecks, checkList);
        if (wait == UNSET) {
            return;
        }
        IceCandidatePair best = checkList.bestSucceeded();
        boolean remoteLite = credentials.remote() != null && credentials.remote().iceLite();
        if (checkList.anyPendingAbove(best) && now < wait && !remoteLite) {
            return;
        }
        inFlight = best;
        checkList.enqueueTriggered(best, true);
    }

    /** When the controlling agent nominates even if better pairs are still being checked, or UNSET. */
    long waitDeadline(IceRole role, boolean canSendChecks, CheckList checkList) {
        if (role != IceRole.CONTROLLING || inFlight != null || !canSendChecks || isDone()
                || checkList.bestSucceeded() == null) {
            return UNSET;
        }
        return firstValidAt + nominationWaitNanos;
    }

    void onBecameControlled() {
        inFlight = null;
    }

    /** A restart starts a new check list; the selected pair stays. */
    void restart() {
        inFlight = null;
        firstValidAt = UNSET;
    }
}
