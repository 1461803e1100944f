package io.jrtc.ice;

/**
 * The agent's connection state (the W3C RTCIceTransportState over RFC 8445 §6.1.3 and RFC 7675): new, checking
 * once checks began, connected once a pair is selected, completed, disconnected, failed when no pair became valid
 * within the failed timeout of the first check (or every pair failed after end-of-candidates), closed. Changes are
 * reported as {@link IceEvent.ConnectionStateChanged}.
 */
final class ConnectionStates {
    private static final long UNSET = Long.MIN_VALUE;
    private final long failedTimeoutNanos;
    private final Outbox outbox;
    private IceConnectionState state = IceConnectionState.NEW;
    private long checkingSince = UNSET;

    ConnectionStates(long failedTimeoutNanos, Outbox outbox) {
        this.failedTimeoutNanos = failedTimeoutNanos;
        this.outbox = outbox;
    }

    IceConnectionState current() {
        return state;
    }

    /** Neither failed nor closed: checks, consent and timers still run. */
    boolean isActive() {
        return state != IceConnectionState.FAILED && state != IceConnectionState.CLOSED;
    }

    boolean isStillChecking() {
        return state == IceConnectionState.NEW || state == IceConnectionState.CHECKING;
    }

    /** A check went out (or, as lite, arrived): the state is checking and the failed timeout runs. */
    void checksStarted(long now) {
        if (state == IceConnectionState.NEW) {
            set(IceConnectionState.CHECKING);
        }
        startFailedTimer(now);
    }

    /** The failed timeout runs from now, unless it already runs. */
    void startFailedTimer(long now) {
        if (checkingSince == UNSET) {
            checkingSince = now;
        }
    }

    /** An ICE restart without a selected pair: the failed timeout starts again with the new checks. */
    void resetFailedTimer() {
        checkingSince = UNSET;
    }

    /** When checking fails for want of a valid pair, or Long.MAX_VALUE. */
    long failedDeadline() {
        return isStillChecking() && checkingSince != UNSET ? checkingSince + failedTimeoutNanos : Long.MAX_VALUE;
    }

    /** A pair was selected: the connection is up (again). */
    void onSelected() {
        if (isStillChecking() || state == IceConnectionState.DISCONNECTED) {
            set(IceConnectionState.CONNECTED);
        }
    }

    /** Without a selected pair: failed once the failed timeout passed or, {@code exhausted}, every pair failed. */
    void failIfChecksFailed(long now, boolean exhausted) {
        boolean timedOut = checkingSince != UNSET && now - checkingSince >= failedTimeoutNanos;
        if (isStillChecking() && (timedOut || exhausted)) {
            set(IceConnectionState.FAILED);
        }
    }

    void set(IceConnectionState s) {
        if (state != s) {
            state = s;
            outbox.emit(new IceEvent.ConnectionStateChanged(s));
        }
    }
}
