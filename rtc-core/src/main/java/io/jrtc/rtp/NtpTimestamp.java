package io.jrtc.rtp;

/**
 * NTP timestamps as RTCP carries them (RFC 3550 §4): 64-bit fixed point seconds since 1900 (32.32), and the
 * "compact" middle 32 bits (16.16) used for LSR and DLSR in report blocks (§6.4.1). No clock is read: the caller
 * passes {@code now} in nanoseconds on its own monotonic origin together with the NTP time of that origin.
 */
public final class NtpTimestamp {
    /** Seconds from the NTP epoch (1900-01-01) to the Unix epoch (1970-01-01). */
    public static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private NtpTimestamp() {
    }

    /** A non-negative duration in nanoseconds as a 32.32 fixed point number of seconds. */
    public static long fromDurationNanos(long nanos) {
        long seconds = nanos / NANOS_PER_SECOND;
        long fraction = ((nanos % NANOS_PER_SECOND) << 32) / NANOS_PER_SECOND;
        return (seconds << 32) + fraction;
    }

    /** A 32.32 fixed point duration back to nanoseconds (rounded to nearest). */
    public static long toDurationNanos(long ntp) {
        long seconds = ntp >>> 32;
        long fraction = ntp & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + ((fraction * NANOS_PER_SECOND + (1L << 31)) >>> 32);
    }

    /** NTP time of a wall-clock instant given as nanoseconds since the Unix epoch. */
    public static long fromUnixNanos(long unixNanos) {
        return (UNIX_EPOCH_SECONDS << 32) + fromDurationNanos(unixNanos);
    }

    /**
     * NTP time at {@code now}, both {@code now} and {@code origin} on the caller's nanosecond clock, knowing the
     * NTP time {@code ntpAtOrigin} of {@code origin}. {@code now} must not be before {@code origin}.
     */
    public static long at(long now, long origin, long ntpAtOrigin) {
        return ntpAtOrigin + fromDurationNanos(now - origin);
    }

    /** The middle 32 bits of a 64-bit NTP timestamp (16.16 seconds), as LSR carries it. */
    public static int compact(long ntp) {
        return (int) (ntp >>> 16);
    }

    /** A compact (16.16) duration such as DLSR or a round-trip time, in nanoseconds. */
    public static long compactToNanos(int compact) {
        return toDurationNanos((compact & 0xFFFF_FFFFL) << 16);
    }

    /** A non-negative duration in nanoseconds as a compact (16.16) number, as DLSR carries it. */
    public static int compactFromNanos(long nanos) {
        return compact(fromDurationNanos(nanos));
    }
}
