package io.jrtc.rtp;

/** Big-endian (network order) field access on byte arrays. */
final class WireBytes {
    private WireBytes() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xFF;
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static int u24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    static int i32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | u24(b, off + 1);
    }

    static long i64(byte[] b, int off) {
        return ((long) i32(b, off) << 32) | (i32(b, off + 4) & 0xFFFF_FFFFL);
    }

    /** Reads {@code length} (0..8) bytes as an unsigned big-endian number. */
    static long uN(byte[] b, int off, int length) {
        long v = 0;
        for (int i = 0; i < length; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static void put8(byte[] b, int off, int v) {
        b[off] = (byte) v;
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static void put24(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 16);
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) v;
    }

    static void put32(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        put24(b, off + 1, v);
    }

    static void put64(byte[] b, int off, long v) {
        put32(b, off, (int) (v >>> 32));
        put32(b, off + 4, (int) v);
    }

    /** Writes the low {@code length} (0..8) bytes of {@code v} big-endian. */
    static void putN(byte[] b, int off, long v, int length) {
        for (int i = length - 1; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    /** Rounds up to the 32-bit boundary RTP extensions and RTCP packets are aligned to. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }

    static boolean fits(byte[] b, int off, int len) {
        return b != null && off >= 0 && len >= 0 && off <= b.length - len;
    }
}
