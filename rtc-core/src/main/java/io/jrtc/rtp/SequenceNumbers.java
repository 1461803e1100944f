package io.jrtc.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers (RFC 3550 §5.1), which wrap around: comparisons are by the shorter
 * way round the circle, as RFC 1982 serial numbers.
 */
public final class SequenceNumbers {
    public static final int MODULUS = 1 << 16;

    private SequenceNumbers() {
    }

    /** {@code to - from} folded into [-32768, 32767]: positive when {@code to} is ahead of {@code from}. */
    public static int distance(int from, int to) {
        return (short) (to - from);
    }

    /** Whether {@code a} comes after {@code b} going the shorter way round. */
    public static boolean isNewer(int a, int b) {
        return distance(b, a) > 0;
    }

    /** {@code seq + n} modulo 2^16. */
    public static int add(int seq, int n) {
        return (seq + n) & 0xFFFF;
    }

    /** The low 16 bits of an extended sequence number. */
    public static int truncate(long extended) {
        return (int) (extended & 0xFFFF);
    }
}
