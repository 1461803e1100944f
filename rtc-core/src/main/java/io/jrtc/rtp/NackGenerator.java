package io.jrtc.rtp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receiver side of RTP retransmission by Generic NACK (RFC 4585 §6.2.1, used with RFC 4588 RTX): it learns which
 * sequence numbers of one media source are missing from the ones that arrive (across the 16-bit wrap), and asks
 * for each again once it has been missing for the reorder delay, then again every round-trip time, at most
 * {@code maxRequests} times. A number leaves the list when it arrives (also as RTX, once unwrapped), after its
 * last request, when it has been missing longer than {@code maxAge}, or when the list would grow past
 * {@code maxListSize} (the oldest go first). A forward jump of more than {@link ReceiveStatistics#MAX_DROPOUT}
 * is taken as a restart, not loss: it empties the list.
 * <p>
 * Sans-IO: {@link #handleReceive}, {@link #handleTimeout}, then drain {@link #pollTransmit()} (null when empty);
 * {@link #pollTimeout()} is the next deadline. Times are nanoseconds on the caller's monotonic clock.
 */
public final class NackGenerator {
    /** Lost sequence numbers per NACK packet, so one packet stays well under an MTU (at most 400 bytes of FCI). */
    static final int MAX_LOST_PER_PACKET = 100;

    /**
     * Tuning: how long a gap may be reordering before the first request, the round-trip time assumed until
     * {@link #roundTripTime(long)} is told one, how often a number is requested, how long it is worth asking for,
     * and how many numbers are tracked at once.
     */
    public record Settings(Duration reorderDelay, Duration initialRoundTripTime, int maxRequests, Duration maxAge,
                           int maxListSize) {
        public Settings {
            if (reorderDelay.isNegative() || initialRoundTripTime.isNegative() || initialRoundTripTime.isZero()
                    || maxRequests < 1 || maxAge.isNegative() || maxListSize < 1) {
                throw new IllegalArgumentException("non-negative delays, positive RTT, requests and list size");
            }
        }

        /** 10 ms reorder delay, 100 ms initial RTT, 10 requests, 1 s max age, 1000 numbers. */
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(10), Duration.ofMillis(100), 10, Duration.ofSeconds(1), 1000);
        }
    }

    /** One missing packet: when it was found missing, when it is next due and how often it was requested. */
    private static final class Missing {
        final long detectedAt;
        long dueAt;
        int requests;

        Missing(long detectedAt, long dueAt) {
            this.detectedAt = detectedAt;
            this.dueAt = dueAt;
        }
    }

    private final int senderSsrc;
    private final int mediaSsrc;
    private final long reorderDelay;
    private final int maxRequests;
    private final long maxAge;
    private final int maxListSize;
    private long roundTripTime;
    private final SequenceNumberExtender extender = new SequenceNumberExtender();
    private final TreeMap<Long, Missing> missing = new TreeMap<>();
    private final ArrayDeque<GenericNack> transmit = new ArrayDeque<>();
    private long requestsSent;
    private long packetsAbandoned;

    /** A generator whose NACKs come from {@code senderSsrc} and name {@code mediaSsrc}. */
    public NackGenerator(int senderSsrc, int mediaSsrc, Settings settings) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.reorderDelay = settings.reorderDelay().toNanos();
        this.roundTripTime = settings.initialRoundTripTime().toNanos();
        this.maxRequests = settings.maxRequests();
        this.maxAge = settings.maxAge().toNanos();
        this.maxListSize = settings.maxListSize();
    }

    public NackGenerator(int senderSsrc, int mediaSsrc) {
        this(senderSsrc, mediaSsrc, Settings.defaults());
    }

    /** Sets the round-trip time that spaces repeated requests for one packet (e.g. from RFC 3550 LSR/DLSR). */
    public void roundTripTime(long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("round-trip time must be positive");
        }
        roundTripTime = nanos;
    }

    /**
     * Records the arrival at {@code now} of the media packet with 16-bit {@code sequenceNumber} (original or
     * recovered by RTX): a gap after the highest so far becomes missing numbers, a number in the list leaves it.
     */
    public void handleReceive(long now, int sequenceNumber) {
        boolean first = !extender.started();
        long previousHighest = extender.highest();
        long extended = extender.extend(sequenceNumber);
        if (first || extended <= previousHighest) {
            missing.remove(extended);
            return;
        }
        if (extended - previousHighest > ReceiveStatistics.MAX_DROPOUT) {
            // A jump this far is a restarted sender or a stray packet (RFC 3550 Appendix A.1), not loss to repair.
            packetsAbandoned += missing.size();
            missing.clear();
            return;
        }
        long from = Math.max(previousHighest + 1, extended - maxListSize);
        packetsAbandoned += from - (previousHighest + 1);
        for (long seq = from; seq < extended; seq++) {
            missing.put(seq, new Missing(now, now + reorderDelay));
        }
        while (missing.size() > maxListSize) {
            missing.pollFirstEntry();
            packetsAbandoned++;
        }
    }

    /** Records the arrival of an RTP packet of the media source. */
    public void handleReceive(long now, RtpHeader header) {
        handleReceive(now, header.sequenceNumber());
    }

    /**
     * Drops numbers missing for longer than the max age, and queues one NACK (or several, for many numbers)
     * for every number due at {@code now}; each such number is next due a round-trip time later, or leaves the
     * list after its last request.
     */
    public void handleTimeout(long now) {
        int[] due = new int[Math.min(missing.size(), MAX_LOST_PER_PACKET)];
        int count = 0;
        for (Iterator<Map.Entry<Long, Missing>> it = missing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Missing> entry = it.next();
            Missing m = entry.getValue();
            if (now - m.detectedAt > maxAge) {
                it.remove();
                packetsAbandoned++;
                continue;
            }
            if (m.dueAt > now) {
                continue;
            }
            due[count++] = SequenceNumbers.truncate(entry.getKey());
            m.requests++;
            m.dueAt = now + roundTripTime;
            if (m.requests >= maxRequests) {
                it.remove();
            }
            if (count == due.length) {
                queue(due, count);
                count = 0;
            }
        }
        queue(due, count);
    }

    private void queue(int[] due, int count) {
        if (count == 0) {
            return;
        }
        int[] lost = count == due.length ? due.clone() : Arrays.copyOf(due, count);
        transmit.add(GenericNack.ofLost(senderSsrc, mediaSsrc, lost));
        requestsSent += count;
    }

    /** The next NACK to send, or null when none is queued. */
    public GenericNack pollTransmit() {
        return transmit.poll();
    }

    /**
     * When {@link #handleTimeout} next has a request to make; Long.MAX_VALUE when none. Numbers past their age
     * are dropped then too, so they need no deadline of their own.
     */
    public long pollTimeout() {
        long deadline = Long.MAX_VALUE;
        for (Missing m : missing.values()) {
            deadline = Math.min(deadline, m.dueAt);
        }
        return deadline;
    }

    /** The 16-bit sequence numbers currently missing, oldest first. */
    public int[] missingSequenceNumbers() {
        return missing.keySet().stream().mapToInt(SequenceNumbers::truncate).toArray();
    }

    /** How many sequence numbers are currently missing. */
    public int missingCount() {
        return missing.size();
    }

    /** How many sequence-number requests all NACKs so far carried (a number asked for twice counts twice). */
    public long requestsSent() {
        return requestsSent;
    }

    /** How many missing numbers were given up for age or list size (not those that got all their requests). */
    public long packetsAbandoned() {
        return packetsAbandoned;
    }
}
