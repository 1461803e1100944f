package io.jrtc.ice;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunRetransmissionPolicy;
import io.jrtc.stun.StunTransaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The outstanding Binding requests of connectivity and consent checks, matched to responses by transaction id. */
final class Checks {
    /**
     * Connectivity checks: RTO 300 ms doubling to 1.5 s, 7 requests, final wait 1.5 s, so an unanswered check
     * fails after about 8 s (RFC 8445 §14.3 leaves the values to the agent).
     */
    static final StunRetransmissionPolicy CHECK_POLICY = new StunRetransmissionPolicy(
            TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(1500), 7, 5);
    /**
     * Consent checks are STUN transactions of their own (RFC 7675 §5.1), retransmitted at 0, 0.5, 1.5 and 3.5 s
     * and given up at 5.5 s, about when the next one starts, so that a lossy path does not lose consent.
     */
    static final StunRetransmissionPolicy CONSENT_POLICY = new StunRetransmissionPolicy(
            TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(2), 4, 4);

    private final Outbox outbox;
    private final Map<ByteBuffer, Check> pending = new LinkedHashMap<>();

    Checks(Outbox outbox) {
        this.outbox = outbox;
    }

    void send(long now, IceCandidatePair pair, boolean consent, boolean useCandidate, String username,
            String remotePassword, long priority, IceRole role, long tieBreaker) {
        byte[] tid = outbox.newTransactionId();
        byte[] request = CheckMessages.request(tid, username, priority, role, tieBreaker, useCandidate,
                remotePassword);
        StunTransaction t = new StunTransaction(tid, request, consent ? CONSENT_POLICY : CHECK_POLICY);
        pending.put(Outbox.key(tid), new Check(pair, t, consent, useCandidate,
                StunIntegrity.shortTermKey(remotePassword), role == IceRole.CONTROLLING, priority));
        outbox.send(pair.localSocketId(), pair.remoteAddress(), t.start(now));
        pair.onRequestSent(now);
    }

    /** Retransmits what is due and returns the checks that timed out, removed. */
    List<Check> handleTimeout(long now) {
        List<Check> timedOut = new ArrayList<>();
        for (Iterator<Check> it = pending.values().iterator(); it.hasNext(); ) {
            Check c = it.next();
            byte[] again = c.transaction().handleTimeout(now);
            if (again != null) {
                outbox.send(c.pair().localSocketId(), c.pair().remoteAddress(), again);
                c.pair().onRequestSent(now);
            } else if (!c.transaction().isPending()) {
                it.remove();
                timedOut.add(c);
            }
        }
        return timedOut;
    }

    /**
     * Removes and returns the check a response answers, or null when it answers none or fails authentication:
     * success responses must carry valid MESSAGE-INTEGRITY with the remote password; error responses are
     * checked only when they carry it.
     */
    Check take(StunMessage response) {
        ByteBuffer key = Outbox.key(response.transactionId());
        Check c = pending.get(key);
        if (c == null) {
            return null;
        }
        boolean mustSign = response.messageClass() == StunClass.SUCCESS_RESPONSE || response.hasIntegrity();
        if (mustSign && !response.verifyIntegrity(c.key())) {
            return null;
        }
        pending.remove(key);
        c.transaction().complete();
        return c;
    }

    /** A round-trip sample, only when the request went out once (Karn's rule). */
    Long roundTrip(Check c, long now) {
        return c.transaction().transmissions() == 1 ? now - c.transaction().firstSentNanos() : null;
    }

    /** Sends an in-progress check again now unless it went out within the last {@code minGap} (§7.3.1.4). */
    void resendSoon(long now, IceCandidatePair pair, long minGap) {
        for (Check c : pending.values()) {
            if (c.pair() == pair && !c.consent() && now - c.transaction().lastSentNanos() >= minGap
                    && c.transaction().deadline() - now > minGap) {
                outbox.send(pair.localSocketId(), pair.remoteAddress(), c.transaction().retransmitNow(now));
                pair.onRequestSent(now);
                return;
            }
        }
    }

    boolean hasPendingCheck(IceCandidatePair pair) {
        for (Check c : pending.values()) {
            if (c.pair() == pair && !c.consent()) {
                return true;
            }
        }
        return false;
    }

    boolean hasPendingChecks() {
        for (Check c : pending.values()) {
            if (!c.consent()) {
                return true;
            }
        }
        return false;
    }

    long deadline() {
        long d = Long.MAX_VALUE;
        for (Check c : pending.values()) {
            d = Math.min(d, c.transaction().deadline());
        }
        return d;
    }

    void dropConnectivityChecks() {
        pending.values().removeIf(c -> !c.consent());
    }

    void clear() {
        pending.clear();
    }
}
