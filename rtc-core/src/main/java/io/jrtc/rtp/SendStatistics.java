package io.jrtc.rtp;

import java.util.List;

/**
 * Send-side statistics of one RTP source (one SSRC): the packet and octet counts and the NTP/RTP timestamp pair
 * of a sender report (RFC 3550 §6.4.1), and the round-trip time from the LSR and DLSR of report blocks about
 * this source (§6.4.1: RTT = A - LSR - DLSR with A the compact NTP time the block arrived).
 * <p>
 * Sans-IO: the wall clock is a mapping given by the caller, the NTP time {@code ntpAtOrigin} of instant
 * {@code origin} on its nanosecond monotonic clock ({@link NtpTimestamp#at}); the RTP timestamp of a report is
 * the last sent packet's, moved on by the time since it was sent at the clock rate. Octets count payload only,
 * without header and padding (§6.4.1). Both counts wrap at 2^32 as their fields do.
 */
public final class SendStatistics {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int ssrc;
    private final int clockRate;
    private final long origin;
    private final long ntpAtOrigin;
    private int packetCount;
    private int octetCount;
    private boolean sentAny;
    private int lastRtpTimestamp;
    private long lastSentAt;
    private long roundTripTime = -1;

    /** Statistics for {@code ssrc} at RTP clock {@code clockRate} Hz; NTP time {@code ntpAtOrigin} at origin. */
    public SendStatistics(int ssrc, int clockRate, long origin, long ntpAtOrigin) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive");
        }
        this.ssrc = ssrc;
        this.clockRate = clockRate;
        this.origin = origin;
        this.ntpAtOrigin = ntpAtOrigin;
    }

    public int ssrc() {
        return ssrc;
    }

    /** Records a media packet sent at {@code now} with this RTP timestamp and payload length (not retransmissions). */
    public void handleSent(long now, int rtpTimestamp, int payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length");
        }
        packetCount++;
        octetCount += payloadLength;
        sentAny = true;
        lastRtpTimestamp = rtpTimestamp;
        lastSentAt = now;
    }

    /** Records a sent media packet. */
    public void handleSent(long now, RtpHeader header) {
        handleSent(now, header.timestamp(), header.payloadLength());
    }

    /** Whether any packet was sent, so a sender report has an RTP timestamp to give. */
    public boolean sentAny() {
        return sentAny;
    }

    /** Packets sent, modulo 2^32 (the SR field, unsigned in an int). */
    public int packetCount() {
        return packetCount;
    }

    /** Payload octets sent, modulo 2^32 (the SR field, unsigned in an int). */
    public int octetCount() {
        return octetCount;
    }

    /** The NTP time of {@code now} by the caller's mapping. */
    public long ntpTimestamp(long now) {
        return NtpTimestamp.at(now, origin, ntpAtOrigin);
    }

    /** The RTP timestamp of {@code now}: the last sent packet's plus the ticks since it was sent (§6.4.1). */
    public int rtpTimestamp(long now) {
        if (!sentAny) {
            throw new IllegalStateException("no packet sent yet");
        }
        long elapsed = now - lastSentAt;
        long ticks = Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
        return lastRtpTimestamp + (int) ticks;
    }

    /**
     * The sender report at {@code now} carrying {@code reportBlocks} (about the sources this endpoint receives).
     *
     * @throws IllegalStateException when no packet was sent yet
     */
    public SenderReport senderReport(long now, List<ReportBlock> reportBlocks) {
        return new SenderReport(ssrc, ntpTimestamp(now), rtpTimestamp(now), packetCount, octetCount, reportBlocks);
    }

    /**
     * Takes the round-trip time from a report block about this source arrived at {@code now} (§6.4.1); returns
     * it in nanoseconds, or -1 when the block has no LSR (no SR reached the peer yet) or the result would be
     * negative (clocks or the block are off), in which case the previous estimate is kept.
     */
    public long handleReportBlock(long now, ReportBlock block) {
        if (block.lastSenderReport() == 0) {
            return -1;
        }
        int arrival = NtpTimestamp.compact(ntpTimestamp(now));
        int rtt = arrival - block.lastSenderReport() - block.delaySinceLastSenderReport();
        if (rtt < 0) {
            return -1;
        }
        roundTripTime = NtpTimestamp.compactToNanos(rtt);
        return roundTripTime;
    }

    /** The latest round-trip time in nanoseconds, or -1 before any usable report block. */
    public long roundTripTime() {
        return roundTripTime;
    }
}
