package io.jrtc.rtp;

import java.util.Arrays;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1), RTPFB
 * FMT 15: for {@code statuses.length} consecutive transport-wide sequence numbers from
 * {@code baseSequenceNumber}, whether each arrived, and for each that did its receive delta in 250 µs ticks
 * relative to the previous one (the first relative to {@code referenceTime}, a signed 24-bit count of 64 ms).
 * Statuses are {@link #NOT_RECEIVED}, {@link #SMALL_DELTA} (delta 0-255, one byte) or {@link #LARGE_DELTA}
 * (signed 16-bit delta, two bytes).
 */
public record TransportWideFeedback(int senderSsrc, int mediaSsrc, int baseSequenceNumber, int referenceTime,
                                    int feedbackPacketCount, byte[] statuses, int[] receiveDeltas)
        implements RtcpPacket {

    public static final int NOT_RECEIVED = TransportWideStatusChunks.NOT_RECEIVED;
    public static final int SMALL_DELTA = TransportWideStatusChunks.SMALL_DELTA;
    public static final int LARGE_DELTA = TransportWideStatusChunks.LARGE_DELTA;
    /** Marks a sequence number that did not arrive in {@link #fromDeltas} and {@link #deltasBySequence()}. */
    public static final int MISSING = Integer.MIN_VALUE;
    public static final long DELTA_TICK_MICROS = 250;
    public static final long REFERENCE_TIME_TICK_MICROS = 64_000;
    private static final int FIXED_LENGTH = FeedbackHeader.LENGTH + 8;

    public TransportWideFeedback {
        if ((baseSequenceNumber & ~0xFFFF) != 0 || statuses.length > 0xFFFF || (feedbackPacketCount & ~0xFF) != 0
                || referenceTime < -(1 << 23) || referenceTime >= (1 << 23)) {
            throw new IllegalArgumentException("16-bit base and count, signed 24-bit reference, 8-bit fb count");
        }
        statuses = statuses.clone();
        receiveDeltas = receiveDeltas.clone();
        requireDeltasMatch(statuses, receiveDeltas);
    }

    private static void requireDeltasMatch(byte[] statuses, int[] deltas) {
        int d = 0;
        for (byte status : statuses) {
            if (status == NOT_RECEIVED) {
                continue;
            }
            if (d == deltas.length || !fits(status, deltas[d++])) {
                throw new IllegalArgumentException("each received packet needs a delta its status can carry");
            }
        }
        if (d != deltas.length) {
            throw new IllegalArgumentException("more deltas than received packets");
        }
    }

    private static boolean fits(int status, int delta) {
        return status == SMALL_DELTA ? delta >= 0 && delta <= 255
                : status == LARGE_DELTA && delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE;
    }

    /**
     * Feedback from one delta (in 250 µs ticks) per sequence number from {@code baseSequenceNumber}, or
     * {@link #MISSING}; each received packet gets the one-byte status when its delta fits, else the two-byte one.
     */
    public static TransportWideFeedback fromDeltas(int senderSsrc, int mediaSsrc, int baseSequenceNumber,
                                                   int referenceTime, int feedbackPacketCount,
                                                   int[] deltasBySequence) {
        byte[] statuses = new byte[deltasBySequence.length];
        int received = 0;
        for (int i = 0; i < deltasBySequence.length; i++) {
            int delta = deltasBySequence[i];
            statuses[i] = (byte) (delta == MISSING ? NOT_RECEIVED : fits(SMALL_DELTA, delta) ? SMALL_DELTA
                    : LARGE_DELTA);
            received += delta == MISSING ? 0 : 1;
        }
        int[] deltas = new int[received];
        int d = 0;
        for (int delta : deltasBySequence) {
            if (delta != MISSING) {
                deltas[d++] = delta;
            }
        }
        return new TransportWideFeedback(senderSsrc, mediaSsrc, baseSequenceNumber, referenceTime,
                feedbackPacketCount, statuses, deltas);
    }

    /** One delta per sequence number from the base, {@link #MISSING} for those not received. */
    public int[] deltasBySequence() {
        int[] out = new int[statuses.length];
        int d = 0;
        for (int i = 0; i < statuses.length; i++) {
            out[i] = statuses[i] == NOT_RECEIVED ? MISSING : receiveDeltas[d++];
        }
        return out;
    }

    public int packetStatusCount() {
        return statuses.length;
    }

    /** The transport-wide sequence number of status {@code index}, wrapping at 2^16. */
    public int sequenceNumber(int index) {
        return SequenceNumbers.add(baseSequenceNumber, index);
    }

    public long referenceTimeMicros() {
        return referenceTime * REFERENCE_TIME_TICK_MICROS;
    }

    @Override
    public int packetType() {
        return RtcpHeader.RTPFB;
    }

    @Override
    public int countOrFormat() {
        return RtcpHeader.FMT_TRANSPORT_WIDE_CC;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(bodyLength());
    }

    private int bodyLength() {
        int deltaBytes = 0;
        for (byte status : statuses) {
            deltaBytes += status;
        }
        return FIXED_LENGTH + TransportWideStatusChunks.encodedLength(statuses) + deltaBytes;
    }

    @Override
    public int encode(byte[] dst, int off) {
        FeedbackHeader.write(dst, off, senderSsrc, mediaSsrc);
        int at = off + HEADER_LENGTH + FeedbackHeader.LENGTH;
        WireBytes.put16(dst, at, baseSequenceNumber);
        WireBytes.put16(dst, at + 2, statuses.length);
        WireBytes.put24(dst, at + 4, referenceTime);
        WireBytes.put8(dst, at + 7, feedbackPacketCount);
        at += 8;
        at += TransportWideStatusChunks.encode(statuses, dst, at);
        int d = 0;
        for (byte status : statuses) {
            if (status == SMALL_DELTA) {
                WireBytes.put8(dst, at++, receiveDeltas[d++]);
            } else if (status == LARGE_DELTA) {
                WireBytes.put16(dst, at, receiveDeltas[d++]);
                at += 2;
            }
        }
        return RtcpHeader.seal(dst, off, RtcpHeader.FMT_TRANSPORT_WIDE_CC, RtcpHeader.RTPFB,
                at - off - HEADER_LENGTH);
    }

    /** Up to 3 bytes after the deltas are tolerated as zero padding sent without the P bit. */
    static TransportWideFeedback parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(len >= FIXED_LENGTH, "transport-wide feedback shorter than its header");
        int at = off + FeedbackHeader.LENGTH;
        int end = off + len;
        byte[] statuses = new byte[WireBytes.u16(b, at + 2)];
        int referenceTime = (WireBytes.u24(b, at + 4) << 8) >> 8;
        at = TransportWideStatusChunks.decode(b, at + 8, end, statuses);
        int[] deltas = new int[statuses.length - countNotReceived(statuses)];
        int d = 0;
        for (byte status : statuses) {
            if (status == NOT_RECEIVED) {
                continue;
            }
            RtpParseException.require(end - at >= status, "receive deltas beyond the packet");
            deltas[d++] = status == SMALL_DELTA ? WireBytes.u8(b, at) : (short) WireBytes.u16(b, at);
            at += status;
        }
        RtpParseException.require(end - at < 4, "bytes after the receive deltas");
        return new TransportWideFeedback(FeedbackHeader.senderSsrc(b, off), FeedbackHeader.mediaSsrc(b, off),
                WireBytes.u16(b, off + FeedbackHeader.LENGTH), referenceTime,
                WireBytes.u8(b, off + FeedbackHeader.LENGTH + 7), statuses, deltas);
    }

    private static int countNotReceived(byte[] statuses) {
        int n = 0;
        for (byte status : statuses) {
            n += status == NOT_RECEIVED ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return "TransportWideFeedback[base=" + baseSequenceNumber + ", reference=" + referenceTime + ", fbCount="
                + feedbackPacketCount + ", deltas=" + Arrays.toString(deltasBySequence()) + "]";
    }
}
