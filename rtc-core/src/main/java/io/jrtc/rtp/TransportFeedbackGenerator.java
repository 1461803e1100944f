package io.jrtc.rtp;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The receiving side of transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): notes when each packet with a transport-wide sequence number arrived and reports them back to the sender
 * every {@link #INTERVAL_NANOS}, so that its bandwidth estimator (e.g. a browser's) sees the path's delay and loss.
 * Each sequence number is reported once, in order; a gap is reported as not received. Sans-IO: time is an input.
 */
public final class TransportFeedbackGenerator {
    /** How often feedback goes out while packets arrive (libwebrtc's default is 100 ms; we do likewise). */
    public static final long INTERVAL_NANOS = 100_000_000L;
    /** Statuses per feedback packet: keeps it well under an MTU (at most ~3 bytes a status). */
    static final int MAX_STATUSES = 300;
    /** Arrivals held back for reordering at most; a burst larger than this is reported in several packets. */
    static final int MAX_PENDING = 8192;

    private final int senderSsrc;
    private final SequenceNumberExtender extender = new SequenceNumberExtender();
    private final long[] arrivals = new long[MAX_PENDING];
    private final boolean[] present = new boolean[MAX_PENDING];
    private final ArrayDeque<TransportWideFeedback> transmit = new ArrayDeque<>();
    private int mediaSsrc;
    private long origin = Long.MIN_VALUE;
    /** The first extended sequence number not reported yet; {@code highest} the largest arrived. */
    private long nextToReport = -1;
    private long highest = -1;
    private long nextFeedbackAt = Long.MAX_VALUE;
    private int feedbackCount;

    public TransportFeedbackGenerator(int senderSsrc) {
        this.senderSsrc = senderSsrc;
    }

    /** A packet of {@code mediaSsrc} with transport-wide sequence number {@code sequenceNumber} arrived. */
    public void handleReceive(long now, int mediaSsrc, int sequenceNumber) {
        if (origin == Long.MIN_VALUE) {
            origin = now;
        }
        this.mediaSsrc = mediaSsrc;
        long ext = extender.extend(sequenceNumber & 0xFFFF);
        if (nextToReport < 0) {
            nextToReport = ext;
        }
        if (ext < nextToReport || ext >= nextToReport + MAX_PENDING) {
            if (ext >= nextToReport + MAX_PENDING) {
                nextToReport = ext;  // the sender jumped far ahead: what lay between is long gone
                Arrays.fill(present, false);
            } else {
                return;  // already reported (as lost): a late duplicate or reordered packet
            }
        }
        int slot = (int) (ext % MAX_PENDING);
        arrivals[slot] = now - origin;
        present[slot] = true;
        highest = Math.max(highest, ext);
        if (nextFeedbackAt == Long.MAX_VALUE) {
            nextFeedbackAt = now + INTERVAL_NANOS;
        }
    }

    public void handleTimeout(long now) {
        if (now < nextFeedbackAt) {
            return;
        }
        while (nextToReport <= highest) {
            transmit.add(feedback());
        }
        nextFeedbackAt = Long.MAX_VALUE;
    }

    public long pollTimeout() {
        return nextFeedbackAt;
    }

    public TransportWideFeedback pollTransmit() {
        return transmit.poll();
    }

    /** Feedback for up to {@link #MAX_STATUSES} sequence numbers from {@code nextToReport}. */
    private TransportWideFeedback feedback() {
        long first = nextToReport;
        while (!present[(int) (first % MAX_PENDING)] && first < highest) {
            first++;  // a feedback starts with a received packet: its time anchors the deltas
        }
        int count = (int) Math.min(MAX_STATUSES, highest - first + 1);
        long firstArrivalMicros = arrivals[(int) (first % MAX_PENDING)] / 1000;
        int referenceTime = (int) ((firstArrivalMicros / TransportWideFeedback.REFERENCE_TIME_TICK_MICROS)
                & 0x7FFFFF);
        long previousMicros = (firstArrivalMicros / TransportWideFeedback.REFERENCE_TIME_TICK_MICROS)
                * TransportWideFeedback.REFERENCE_TIME_TICK_MICROS;
        int[] deltas = new int[count];
        for (int i = 0; i < count; i++) {
            int slot = (int) ((first + i) % MAX_PENDING);
            if (!present[slot]) {
                deltas[i] = TransportWideFeedback.MISSING;
                continue;
            }
            long arrivalMicros = arrivals[slot] / 1000;
            long ticks = Math.round((arrivalMicros - previousMicros)
                    / (double) TransportWideFeedback.DELTA_TICK_MICROS);
            ticks = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, ticks));
            deltas[i] = (int) ticks;
            previousMicros += ticks * TransportWideFeedback.DELTA_TICK_MICROS;
            present[slot] = false;
        }
        for (long seq = nextToReport; seq < first; seq++) {
            present[(int) (seq % MAX_PENDING)] = false;
        }
        nextToReport = first + count;
        TransportWideFeedback feedback = TransportWideFeedback.fromDeltas(senderSsrc, mediaSsrc,
                (int) (first & 0xFFFF), referenceTime, feedbackCount, deltas);
        feedbackCount = (feedbackCount + 1) & 0xFF;
        return feedback;
    }
}
