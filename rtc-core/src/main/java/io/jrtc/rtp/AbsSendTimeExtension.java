package io.jrtc.rtp;

/**
 * abs-send-time ({@value #URI}): a 3-byte 6.18 fixed point send time in seconds, wrapping every 64 s, used by
 * REMB-era bandwidth estimation.
 */
public final class AbsSendTimeExtension {
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final int LENGTH = 3;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AbsSendTimeExtension() {
    }

    /** The 24-bit value of element {@code id}, or -1 when absent or not 3 bytes long. */
    public static int read(RtpHeader header, int id) {
        int at = header.extensionOffset(id);
        return at < 0 || header.extensionLength(id) != LENGTH ? -1 : WireBytes.u24(header.buffer(), at);
    }

    public static void write(RtpHeaderWriter writer, int id, int value) {
        writer.addExtension(id, value & 0xFF_FFFF, LENGTH);
    }

    /** A send time in nanoseconds on any origin as the 24-bit 6.18 value (truncated, wrapping at 64 s). */
    public static int fromNanos(long nanos) {
        long seconds = nanos / NANOS_PER_SECOND;
        long fraction = ((nanos % NANOS_PER_SECOND) << 18) / NANOS_PER_SECOND;
        return (int) (((seconds << 18) | fraction) & 0xFF_FFFF);
    }

    /** The 24-bit value as nanoseconds in [0, 64 s). */
    public static long toNanos(int value) {
        long v = value & 0xFF_FFFFL;
        return (v >>> 18) * NANOS_PER_SECOND + (((v & 0x3FFFF) * NANOS_PER_SECOND) >>> 18);
    }
}
