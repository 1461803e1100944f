package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * A reception report block (RFC 3550 §6.4.1) in an SR or RR. 32-bit fields are unsigned values held in ints;
 * {@code cumulativeLost} is the signed 24-bit count (duplicates can make it negative); LSR and DLSR are compact
 * NTP times ({@link NtpTimestamp#compact}).
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, int extendedHighestSequenceNumber,
                          int jitter, int lastSenderReport, int delaySinceLastSenderReport) {

    public static final int LENGTH = 24;
    private static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost is 8 bits");
        }
        if (cumulativeLost < -MAX_CUMULATIVE_LOST - 1 || cumulativeLost > MAX_CUMULATIVE_LOST) {
            throw new IllegalArgumentException("cumulative lost is a signed 24-bit number");
        }
    }

    int encode(byte[] dst, int off) {
        WireBytes.put32(dst, off, ssrc);
        WireBytes.put8(dst, off + 4, fractionLost);
        WireBytes.put24(dst, off + 5, cumulativeLost);
        WireBytes.put32(dst, off + 8, extendedHighestSequenceNumber);
        WireBytes.put32(dst, off + 12, jitter);
        WireBytes.put32(dst, off + 16, lastSenderReport);
        WireBytes.put32(dst, off + 20, delaySinceLastSenderReport);
        return LENGTH;
    }

    static ReportBlock parse(byte[] b, int off) {
        int cumulativeLost = (WireBytes.u24(b, off + 5) << 8) >> 8;
        return new ReportBlock(WireBytes.i32(b, off), WireBytes.u8(b, off + 4), cumulativeLost,
                WireBytes.i32(b, off + 8), WireBytes.i32(b, off + 12), WireBytes.i32(b, off + 16),
                WireBytes.i32(b, off + 20));
    }

    static List<ReportBlock> parseAll(int count, byte[] b, int off) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(parse(b, off + i * LENGTH));
        }
        return blocks;
    }

    static int encodeAll(List<ReportBlock> blocks, byte[] dst, int off) {
        int at = off;
        for (ReportBlock block : blocks) {
            at += block.encode(dst, at);
        }
        return at - off;
    }
}
