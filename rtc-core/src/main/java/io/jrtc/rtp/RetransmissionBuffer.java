package io.jrtc.rtp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sender side of RTP retransmission (RFC 4585 §6.2.1 Generic NACK, RFC 4588): a copy of each of the last
 * {@code capacity} sent RTP packets of one source, by sequence number, for as long as {@code maxAge}, so a
 * NACK can be answered with the packets still held (resent as they were, or wrapped by {@link RtxEncoder}).
 * <p>
 * Storage is a ring of {@code capacity} slots indexed by sequence number, each slot's array reused, so storing
 * allocates nothing once the slots have grown to the packet size. A packet is held while it is fewer than
 * {@code capacity} sequence numbers behind the newest sent and younger than its age limit: {@code maxAge}, or
 * {@link #ROUND_TRIPS_HELD} round-trip times once that is longer, because a NACK reaches the sender at least one
 * round trip after the loss and a receiver asks again a round trip later (libwebrtc's packet history keeps the same
 * three RTTs). Sans-IO: {@code now} is nanoseconds on the caller's monotonic clock.
 * <p>
 * A NACK cannot make the sender an amplifier (RFC 4585 §6.2.1 leaves the sender free to ignore requests): each
 * packet is resent at most once per given interval (the round-trip time, so a request the receiver repeats after an
 * RTT is answered while copies of one request are not), a sequence number a NACK names twice is resent once, and
 * every resent byte is paid from a {@link RetransmissionBudget} that only media sent fills.
 */
public final class RetransmissionBuffer {
    /** At most half the sequence number space, so "behind the newest" stays unambiguous across the wrap. */
    public static final int MAX_CAPACITY = SequenceNumbers.MODULUS / 2;
    private static final int EMPTY = -1;
    private static final long NEVER = Long.MIN_VALUE;
    /** Round-trip times a packet stays resendable when that is longer than the configured max age. */
    public static final int ROUND_TRIPS_HELD = 3;

    private final int capacity;
    private final long maxAge;
    /** The age limit in force: {@link #maxAge}, or more once a long round-trip time was measured. */
    private long heldFor;
    private final byte[][] packets;
    private final int[] lengths;
    private final int[] sequenceNumbers;
    private final long[] sentAt;
    /** When each slot's packet was last resent; {@link #NEVER} until it is. */
    private final long[] resentAt;
    /** The NACK that last named each slot's packet: duplicates within one NACK are found in O(1) each. */
    private final long[] namedBy;
    private final RetransmissionBudget budget;
    private long nacksHandled;
    private long resendsTooSoon;
    private long resendsOverBudget;
    private boolean started;
    private int newest;

    /** A history whose resends are not capped by bytes (a budget of {@link Double#POSITIVE_INFINITY}). */
    public RetransmissionBuffer(int capacity, Duration maxAge) {
        this(capacity, maxAge, Double.POSITIVE_INFINITY);
    }

    /**
     * A history of {@code capacity} packets for {@code maxAge} whose resent bytes stay within {@code budgetRatio}
     * times the media bytes stored (see {@link RetransmissionBudget}).
     */
    public RetransmissionBuffer(int capacity, Duration maxAge, double budgetRatio) {
        if (capacity < 1 || capacity > MAX_CAPACITY || maxAge.isNegative()) {
            throw new IllegalArgumentException("capacity 1-" + MAX_CAPACITY + " and a non-negative max age");
        }
        this.capacity = capacity;
        this.maxAge = maxAge.toNanos();
        this.heldFor = this.maxAge;
        this.packets = new byte[capacity][];
        this.lengths = new int[capacity];
        this.sequenceNumbers = new int[capacity];
        this.sentAt = new long[capacity];
        this.resentAt = new long[capacity];
        this.namedBy = new long[capacity];
        this.budget = new RetransmissionBudget(budgetRatio);
        Arrays.fill(sequenceNumbers, EMPTY);
    }

    /**
     * Keeps a copy of the RTP packet of {@code len} bytes at {@code off}, sent at {@code now}.
     *
     * @throws IllegalArgumentException when the bytes are too short to be RTP
     */
    public void handleSent(long now, byte[] packet, int off, int len) {
        if (!WireBytes.fits(packet, off, len) || len < RtpHeader.FIXED_LENGTH) {
            throw new IllegalArgumentException("not an RTP packet");
        }
        int seq = WireBytes.u16(packet, off + 2);
        int slot = seq % capacity;
        if (packets[slot] == null || packets[slot].length < len) {
            packets[slot] = new byte[Math.max(len, packets[slot] == null ? 0 : 2 * packets[slot].length)];
        }
        System.arraycopy(packet, off, packets[slot], 0, len);
        budget.handleMediaSent(len, sequenceNumbers[slot] == EMPTY ? 0 : lengths[slot]);
        lengths[slot] = len;
        sequenceNumbers[slot] = seq;
        sentAt[slot] = now;
        resentAt[slot] = NEVER;
        namedBy[slot] = 0;
        if (!started || SequenceNumbers.isNewer(seq, newest)) {
            started = true;
            newest = seq;
        }
    }

    /**
     * The round-trip time measured last ({@code roundTripTime} nanoseconds): packets stay held for
     * {@link #ROUND_TRIPS_HELD} of them when that is longer than the configured max age. Memory stays bounded by
     * the capacity whatever the round-trip time.
     */
    public void handleRoundTripTime(long roundTripTime) {
        if (roundTripTime >= 0) {
            heldFor = Math.max(maxAge, saturatedTimes(roundTripTime, ROUND_TRIPS_HELD));
        }
    }

    private static long saturatedTimes(long value, int factor) {
        return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : value * factor;
    }

    /** How long a packet stays resendable now, in nanoseconds. */
    public long heldFor() {
        return heldFor;
    }

    /** Keeps a copy of a parsed RTP packet sent at {@code now}. */
    public void handleSent(long now, RtpHeader header) {
        handleSent(now, header.buffer(), header.offset(), header.length());
    }

    /** Whether the packet with {@code sequenceNumber} is still held at {@code now}. */
    public boolean holds(long now, int sequenceNumber) {
        int seq = sequenceNumber & 0xFFFF;
        if (!started) {
            return false;
        }
        int slot = seq % capacity;
        int behind = SequenceNumbers.distance(seq, newest);
        return sequenceNumbers[slot] == seq && behind >= 0 && behind < capacity && now - sentAt[slot] <= heldFor;
    }

    /** A copy of the held packet with {@code sequenceNumber}, or null when it is no longer (or never was) held. */
    public byte[] packet(long now, int sequenceNumber) {
        if (!holds(now, sequenceNumber)) {
            return null;
        }
        int slot = (sequenceNumber & 0xFFFF) % capacity;
        return Arrays.copyOf(packets[slot], lengths[slot]);
    }

    /**
     * Copies of the held packets a NACK asks for that may go again at {@code now}, in the NACK's order, each once:
     * a packet resent less than {@code minResendInterval} nanoseconds ago is skipped, and so is one the budget
     * cannot pay for (its length plus the {@link RtxEncoder#ORIGINAL_SEQUENCE_NUMBER_LENGTH} RTX adds). Linear in
     * the number of sequence numbers named, whatever their order or repetition.
     */
    public List<byte[]> packetsFor(long now, GenericNack nack, long minResendInterval) {
        long request = ++nacksHandled;
        List<byte[]> found = new ArrayList<>();
        for (int seq : nack.lostSequenceNumbers()) {
            if (!holds(now, seq)) {
                continue;
            }
            int slot = seq % capacity;
            if (namedBy[slot] == request) {
                continue;
            }
            namedBy[slot] = request;
            if (resentAt[slot] != NEVER && now - resentAt[slot] < minResendInterval) {
                resendsTooSoon++;
                continue;
            }
            if (!budget.tryResend(lengths[slot] + RtxEncoder.ORIGINAL_SEQUENCE_NUMBER_LENGTH)) {
                resendsOverBudget++;
                continue;
            }
            resentAt[slot] = now;
            found.add(Arrays.copyOf(packets[slot], lengths[slot]));
        }
        return found;
    }

    /** Requests for a packet that was resent less than the interval before (since creation). */
    public long resendsTooSoon() {
        return resendsTooSoon;
    }

    /** Requests for a packet the byte budget could not pay for (since creation). */
    public long resendsOverBudget() {
        return resendsOverBudget;
    }

    /** The budget resends are paid from. */
    public RetransmissionBudget budget() {
        return budget;
    }

    public int capacity() {
        return capacity;
    }
}
