package io.jrtc.rtp;

/**
 * Reception statistics of one RTP source (one SSRC), as a receiver keeps them to fill the report block it sends
 * back in an SR or RR (RFC 3550 §6.4.1):
 * <ul>
 * <li>the extended highest sequence number with wrap-around counting and source validation by probation
 * (Appendix A.1: a new source counts only after {@code minSequential} packets in sequence; a jump of more than
 * {@value #MAX_DROPOUT} ahead or {@value #MAX_MISORDER} behind counts only when the next packet confirms it, and
 * then restarts the statistics, as for a restarted sender);</li>
 * <li>packets expected and received, cumulative lost and the fraction lost since the previous report
 * (Appendix A.3);</li>
 * <li>interarrival jitter in RTP timestamp units (§6.4.1, Appendix A.8);</li>
 * <li>LSR and DLSR from the last sender report received from the source.</li>
 * </ul>
 * Sans-IO: arrival times are {@code now} in nanoseconds on the caller's monotonic clock. One thread drives it.
 */
public final class ReceiveStatistics {
    /** Packets in sequence before a new source is valid (RFC 3550 Appendix A.1). */
    public static final int DEFAULT_MIN_SEQUENTIAL = 2;
    /** Largest forward jump still taken as loss rather than a restart (Appendix A.1). */
    public static final int MAX_DROPOUT = 3000;
    /** Largest backward jump still taken as reordering (Appendix A.1). */
    public static final int MAX_MISORDER = 100;
    private static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;
    private static final int MIN_CUMULATIVE_LOST = -(1 << 23);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NO_BAD_SEQUENCE = SequenceNumbers.MODULUS + 1;

    private final int ssrc;
    private final int clockRate;
    private final int minSequential;

    private int probation;
    private int maxSequence;
    private long cycles;
    private long baseSequence;
    private int badSequence = NO_BAD_SEQUENCE;
    private long received;
    private long expectedPrior;
    private long receivedPrior;

    private boolean haveTransit;
    private int lastTransit;
    private double jitter;
    private boolean haveArrivalOrigin;
    private long arrivalOrigin;

    private boolean haveSenderReport;
    private int lastSenderReport;
    private long lastSenderReportArrival;

    /** Statistics for {@code ssrc} whose RTP clock runs at {@code clockRate} Hz, with RFC 3550 probation. */
    public ReceiveStatistics(int ssrc, int clockRate) {
        this(ssrc, clockRate, DEFAULT_MIN_SEQUENTIAL);
    }

    /** As above with {@code minSequential} packets of probation; 1 accepts a source on its first packet. */
    public ReceiveStatistics(int ssrc, int clockRate, int minSequential) {
        if (clockRate <= 0 || minSequential < 1) {
            throw new IllegalArgumentException("clock rate and min sequential must be positive");
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.minSequential = minSequential;
        this.probation = -1;
    }

    public int ssrc() {
        return ssrc;
    }

    /** Records an RTP packet of this source; returns whether it counted (false during probation or a jump). */
    public boolean handlePacket(long now, RtpHeader header) {
        return handlePacket(now, header.sequenceNumber(), header.timestamp());
    }

    /**
     * Records an RTP packet by its sequence number and RTP timestamp, arrived at {@code now}; returns whether it
     * counted. Duplicates and reordered packets count as received (so cumulative lost can go negative, §6.4.1).
     */
    public boolean handlePacket(long now, int sequenceNumber, int rtpTimestamp) {
        boolean counted = updateSequence(sequenceNumber & 0xFFFF);
        if (counted) {
            updateJitter(now, rtpTimestamp);
        }
        return counted;
    }

    /**
     * Records a packet recovered by retransmission (e.g. unwrapped RTX, RFC 4588) arrived at {@code now}: it counts
     * as received, but its transit time says nothing about network jitter, so the estimate is left alone.
     */
    public boolean handleRecoveredPacket(long now, int sequenceNumber) {
        return updateSequence(sequenceNumber & 0xFFFF);
    }

    /**
     * Records a sender report from this source arrived at {@code now}, for LSR and DLSR (§6.4.1).
     *
     * @throws IllegalArgumentException when the report is from another SSRC
     */
    public void handleSenderReport(long now, SenderReport report) {
        if (report.ssrc() != ssrc) {
            throw new IllegalArgumentException("sender report of another source");
        }
        handleSenderReport(now, report.ntpTimestamp());
    }

    /** Records the NTP timestamp of a sender report from this source arrived at {@code now}. */
    public void handleSenderReport(long now, long ntpTimestamp) {
        haveSenderReport = true;
        lastSenderReport = NtpTimestamp.compact(ntpTimestamp);
        lastSenderReportArrival = now;
    }

    /** Appendix A.1 update_seq, with the probation state set up on the first packet. */
    private boolean updateSequence(int seq) {
        if (probation < 0) {
            maxSequence = (seq - 1) & 0xFFFF;
            probation = minSequential;
        }
        int forward = (seq - maxSequence) & 0xFFFF;
        if (probation > 0) {
            return updateOnProbation(seq);
        }
        if (forward < MAX_DROPOUT) {
            if (seq < maxSequence) {
                cycles += SequenceNumbers.MODULUS;
            }
            maxSequence = seq;
        } else if (forward <= SequenceNumbers.MODULUS - MAX_MISORDER) {
            if (seq != badSequence) {
                badSequence = (seq + 1) & 0xFFFF;
                return false;
            }
            restart(seq);
        }
        received++;
        return true;
    }

    private boolean updateOnProbation(int seq) {
        if (seq == ((maxSequence + 1) & 0xFFFF)) {
            probation--;
            maxSequence = seq;
            if (probation == 0) {
                restart(seq);
                received++;
                return true;
            }
        } else {
            probation = minSequential - 1;
            maxSequence = seq;
        }
        return false;
    }

    /**
     * Appendix A.1 init_seq: the source is (re)validated at {@code seq}. A restarted sender picks a new timestamp
     * base too, so the transit time starts over; the jitter estimate and SR info are kept.
     */
    private void restart(int seq) {
        haveTransit = false;
        baseSequence = seq;
        maxSequence = seq;
        badSequence = NO_BAD_SEQUENCE;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    /** Appendix A.8: J += (|D| - J) / 16 with D the change in transit time, both in RTP timestamp units. */
    private void updateJitter(long now, int rtpTimestamp) {
        if (!haveArrivalOrigin) {
            haveArrivalOrigin = true;
            arrivalOrigin = now;
        }
        int arrival = (int) toTimestampUnits(now - arrivalOrigin);
        int transit = arrival - rtpTimestamp;
        if (haveTransit) {
            int d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        }
        haveTransit = true;
        lastTransit = transit;
    }

    /** Nanoseconds to RTP clock ticks without overflowing for long gaps (seconds and remainder apart). */
    private long toTimestampUnits(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long remainder = Math.floorMod(nanos, NANOS_PER_SECOND);
        return seconds * clockRate + remainder * clockRate / NANOS_PER_SECOND;
    }

    /** Whether the source passed probation, so there is something to report. */
    public boolean valid() {
        return probation == 0;
    }

    /** The extended highest sequence number received (cycles and the 16-bit highest, §6.4.1). */
    public long extendedHighestSequenceNumber() {
        return cycles + maxSequence;
    }

    /** Packets expected since the source was validated: highest - base + 1 (Appendix A.3). */
    public long packetsExpected() {
        return valid() ? extendedHighestSequenceNumber() - baseSequence + 1 : 0;
    }

    /** Packets received since the source was validated, duplicates and late ones included. */
    public long packetsReceived() {
        return received;
    }

    /** Expected minus received, clamped to the signed 24 bits the report block carries (Appendix A.3). */
    public int cumulativeLost() {
        long lost = packetsExpected() - received;
        return (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, lost));
    }

    /** The interarrival jitter estimate in RTP timestamp units, as the report block carries it (truncated). */
    public int jitter() {
        return (int) jitter;
    }

    /**
     * The report block for this source at {@code now} (RFC 3550 §6.4.1), and the start of a new interval for the
     * fraction lost: the fraction is the share lost of the packets expected since the previous block, 0 when
     * duplicates outnumber the losses (Appendix A.3). DLSR is the time since the last SR arrived in 1/65536 s,
     * LSR and DLSR 0 without an SR.
     *
     * @throws IllegalStateException when the source has not passed probation ({@link #valid()})
     */
    public ReportBlock reportBlock(long now) {
        if (!valid()) {
            throw new IllegalStateException("no report for a source still on probation");
        }
        long expected = packetsExpected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0
                : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        int delaySinceLastSenderReport = haveSenderReport
                ? NtpTimestamp.compactFromNanos(Math.max(0, now - lastSenderReportArrival)) : 0;
        return new ReportBlock(ssrc, fraction, cumulativeLost(), (int) extendedHighestSequenceNumber(), jitter(),
                haveSenderReport ? lastSenderReport : 0, delaySinceLastSenderReport);
    }
}
