package io.jrtc.stun;

import java.util.Arrays;
import java.util.Objects;

/**
 * One client transaction over an unreliable transport, without IO (RFC 8489 §6.2.1): it tells when to resend
 * the request and when to give up. The owner sends the bytes and matches responses by transaction id.
 *
 * <p>Use: {@link #start} and send {@link #request()}; whenever {@code now >= }{@link #deadline()} call
 * {@link #handleTimeout}, which returns the bytes to resend or null; call {@link #complete} on a response.
 */
public final class StunTransaction {
    /** Where a transaction stands. */
    public enum State { NEW, PENDING, COMPLETED, TIMED_OUT }

    private final byte[] transactionId;
    private final byte[] request;
    private final StunRetransmissionPolicy policy;
    private State state = State.NEW;
    private int scheduledTransmissions;
    private int transmissions;
    private long rto;
    private long deadline = Long.MAX_VALUE;
    private long firstSentNanos;
    private long lastSentNanos;

    public StunTransaction(byte[] transactionId, byte[] request, StunRetransmissionPolicy policy) {
        if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("transaction id must be 12 bytes");
        }
        this.transactionId = transactionId.clone();
        this.request = request.clone();
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Marks the first transmission as sent now; the caller sends {@link #request()}. */
    public byte[] start(long now) {
        if (state != State.NEW) {
            throw new IllegalStateException("transaction already started");
        }
        state = State.PENDING;
        rto = policy.initialRtoNanos();
        firstSentNanos = now;
        recordSend(now);
        scheduledTransmissions = 1;
        deadline = now + rto;
        return request.clone();
    }

    /**
     * Advances the schedule: returns the request to resend when a retransmission is due, or null. After the last
     * transmission's final wait the transaction becomes {@link State#TIMED_OUT}.
     */
    public byte[] handleTimeout(long now) {
        if (state != State.PENDING || now < deadline) {
            return null;
        }
        if (scheduledTransmissions >= policy.maxTransmissions()) {
            state = State.TIMED_OUT;
            deadline = Long.MAX_VALUE;
            return null;
        }
        rto = Math.min(rto * 2, policy.maxRtoNanos());
        scheduledTransmissions++;
        recordSend(now);
        deadline = scheduledTransmissions >= policy.maxTransmissions()
                ? now + policy.finalWaitMultiplier() * policy.initialRtoNanos()
                : now + rto;
        return request.clone();
    }

    /**
     * An extra transmission outside the schedule (an ICE triggered check on a pair already being checked), which
     * neither counts towards Rc nor moves the deadline.
     */
    public byte[] retransmitNow(long now) {
        if (state != State.PENDING) {
            throw new IllegalStateException("transaction not pending: " + state);
        }
        recordSend(now);
        return request.clone();
    }

    private void recordSend(long now) {
        transmissions++;
        lastSentNanos = now;
    }

    public void complete() {
        state = State.COMPLETED;
        deadline = Long.MAX_VALUE;
    }

    public boolean matches(StunMessage response) {
        return response.hasTransactionId(transactionId);
    }

    public boolean matches(byte[] id) {
        return Arrays.equals(transactionId, id);
    }

    public byte[] transactionId() {
        return transactionId.clone();
    }

    public byte[] request() {
        return request.clone();
    }

    public State state() {
        return state;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    /** The next retransmission or the give-up time, or Long.MAX_VALUE when nothing is pending. */
    public long deadline() {
        return deadline;
    }

    /** Every transmission so far, scheduled or extra: more than one makes a round-trip sample ambiguous. */
    public int transmissions() {
        return transmissions;
    }

    public long firstSentNanos() {
        return firstSentNanos;
    }

    public long lastSentNanos() {
        return lastSentNanos;
    }
}
