package io.jrtc.ice;

import java.util.Random;

/**
 * Consent freshness (RFC 7675) and liveness of the selected pair. A consent check goes out the consent interval
 * times a random 0.8-1.2 after the previous check (§5.1); consent expires after the consent timeout without an
 * authenticated response (§5.1), which fails the agent. No packet for the disconnected timeout makes the state
 * disconnected; to tell a quiet peer from a lost one, the pair is probed more often once it has been silent for
 * half that timeout.
 */
final class Consent {
    private final IceAgentConfig config;
    private final Random random;
    private final long probeInterval;
    /** As lite, consent is the peer's job: its checks renew it, and none is sent (RFC 8445 §2.5). */
    private final boolean lite;
    private final long expiry;
    private long lastGranted;
    private long nextConsentAt;
    private long lastSentAt;

    Consent(IceAgentConfig config, Random random) {
        this.config = config;
        this.random = random;
        this.lite = config.lite();
        // A lite connection fails after the failed timeout without a check from the peer.
        this.expiry = lite ? config.failedTimeoutNanos() : config.consentTimeoutNanos();
        this.probeInterval = Math.min(config.consentIntervalNanos(),
                Math.max(config.checkIntervalNanos(), config.disconnectedTimeoutNanos() / 5));
    }

    /** A pair was just selected on the strength of a fresh response. */
    void start(long now) {
        lastGranted = now;
        lastSentAt = now;
        nextConsentAt = now + jitteredInterval();
    }

    void granted(long now) {
        lastGranted = Math.max(lastGranted, now);
    }

    private long jitteredInterval() {
        return (long) (config.consentIntervalNanos() * (0.8 + 0.4 * random.nextDouble()));
    }

    private static boolean isUp(IceConnectionState s) {
        return s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED;
    }

    private long probeAt(IceCandidatePair selected) {
        return Math.max(saturatedAdd(selected.lastPacketReceivedNanos(), config.disconnectedTimeoutNanos() / 2),
                lastSentAt + probeInterval);
    }

    private static long saturatedAdd(long t, long d) {
        return t == Long.MIN_VALUE ? Long.MIN_VALUE : t + d;
    }

    long deadline(IceCandidatePair selected, IceConnectionState state) {
        long d = lastGranted + expiry;
        if (!lite && (isUp(state) || state == IceConnectionState.DISCONNECTED)) {
            d = Math.min(d, Math.min(nextConsentAt, probeAt(selected)));
        }
        if (isUp(state)) {
            d = Math.min(d, saturatedAdd(selected.lastPacketReceivedNanos(), config.disconnectedTimeoutNanos()));
        }
        return d;
    }

    void run(long now, IceCandidatePair selected, IceConnectionState state, Credentials credentials, Checks checks,
            IceRole role, long tieBreaker, LocalCandidates locals) {
        if (lite || !isUp(state) && state != IceConnectionState.DISCONNECTED) {
            return;
        }
        if (now < nextConsentAt && now < probeAt(selected)) {
            return;
        }
        IceParameters remote = credentials.consentRemote(selected);
        IceParameters local = credentials.consentLocal(selected);
        if (remote == null) {
            return;
        }
        long priority = LocalCandidates.peerReflexivePriority(locals.socket(selected.localSocketId()));
        boolean useCandidate = role == IceRole.CONTROLLING && selected.nominated();
        checks.send(now, selected, true, useCandidate, remote.usernameFragment() + ":" + local.usernameFragment(),
                remote.password(), priority, role, tieBreaker);
        lastSentAt = now;
        // A liveness probe is a consent check too (its authenticated response renews consent), so the next one
        // is due a randomised interval after it: probing adds no check beside the periodic ones, which at
        // thousands of quiet connections roughly doubled the checks each sent and answered.
        nextConsentAt = now + jitteredInterval();
    }

    /** The connection state the selected pair's liveness and consent call for. */
    IceConnectionState evaluate(long now, IceCandidatePair selected, IceConnectionState state, boolean completed) {
        if (now - lastGranted >= expiry) {
            return IceConnectionState.FAILED;
        }
        long last = selected.lastPacketReceivedNanos();
        boolean silent = last == Long.MIN_VALUE || now - last >= config.disconnectedTimeoutNanos();
        if (isUp(state) && silent) {
            return IceConnectionState.DISCONNECTED;
        }
        if ((state == IceConnectionState.DISCONNECTED && !silent) || isUp(state)) {
            return completed ? IceConnectionState.COMPLETED : IceConnectionState.CONNECTED;
        }
        return state;
    }
}
