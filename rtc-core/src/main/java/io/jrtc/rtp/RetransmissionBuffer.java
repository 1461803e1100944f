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
 * {@code capacity} sequence numbers behind the newest sent and younger than {@code maxAge}. Sans-IO: {@code now}
 * is nanoseconds on the caller's monotonic clock.
 */
public final class RetransmissionBuffer {
    /** At most half the sequence number space, so "behind the newest" stays unambiguous across the wrap. */
    public static final int MAX_CAPACITY = SequenceNumbers.MODULUS / 2;
    private static final int EMPTY = -1;

    private final int capacity;
    private final long maxAge;
    private final byte[][] packets;
    private final int[] lengths;
    private final int[] sequenceNumbers;
    private final long[] sentAt;
    private boolean started;
    private int newest;

    public RetransmissionBuffer(int capacity, Duration maxAge) {
        if (capacity < 1 || capacity > MAX_CAPACITY || maxAge.isNegative()) {
            throw new IllegalArgumentException("capacity 1-" + MAX_CAPACITY + " and a non-negative max age");
        }
        this.capacity = capacity;
        this.maxAge = maxAge.toNanos();
        this.packets = new byte[capacity][];
        this.lengths = new int[capacity];
        this.sequenceNumbers = new int[capacity];
        this.sentAt = new long[capacity];
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
        lengths[slot] = len;
        sequenceNumbers[slot] = seq;
        sentAt[slot] = now;
        if (!started || SequenceNumbers.isNewer(seq, newest)) {
            started = true;
            newest = seq;
        }
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
        return sequenceNumbers[slot] == seq && behind >= 0 && behind < capacity && now - sentAt[slot] <= maxAge;
    }

    /** A copy of the held packet with {@code sequenceNumber}, or null when it is no longer (or never was) held. */
    public byte[] packet(long now, int sequenceNumber) {
        if (!holds(now, sequenceNumber)) {
            return null;
        }
        int slot = (sequenceNumber & 0xFFFF) % capacity;
        return Arrays.copyOf(packets[slot], lengths[slot]);
    }

    /** Copies of the held packets a NACK asks for, in the NACK's order, each once. */
    public List<byte[]> packetsFor(long now, GenericNack nack) {
        List<byte[]> found = new ArrayList<>();
        int[] lost = nack.lostSequenceNumbers();
        for (int i = 0; i < lost.length; i++) {
            if (!askedBefore(lost, i)) {
                byte[] held = packet(now, lost[i]);
                if (held != null) {
                    found.add(held);
                }
            }
        }
        return found;
    }

    private static boolean askedBefore(int[] lost, int index) {
        for (int i = 0; i < index; i++) {
            if (lost[i] == lost[index]) {
                return true;
            }
        }
        return false;
    }

    public int capacity() {
        return capacity;
    }
}
