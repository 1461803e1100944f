package io.jrtc.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NTP 32.32 and compact 16.16 timestamps (RFC 3550 §4, §6.4.1) from nanoseconds on a caller's origin. */
class NtpTimestampTest {

    @Test
    void durationsConvertToFixedPointSeconds() {
        assertThat(NtpTimestamp.fromDurationNanos(1_500_000_000L)).isEqualTo(0x1_8000_0000L);
        assertThat(NtpTimestamp.toDurationNanos(0x1_8000_0000L)).isEqualTo(1_500_000_000L);
        assertThat(NtpTimestamp.toDurationNanos(NtpTimestamp.fromDurationNanos(123_456_789L)))
                .isEqualTo(123_456_789L);
    }

    @Test
    void wallClockAndCallerOriginCombine() {
        long ntpAtOrigin = NtpTimestamp.fromUnixNanos(0);
        assertThat(ntpAtOrigin >>> 32).isEqualTo(NtpTimestamp.UNIX_EPOCH_SECONDS);
        long origin = 5_000_000_000L;
        long ntp = NtpTimestamp.at(origin + 2_250_000_000L, origin, ntpAtOrigin);
        assertThat(ntp).isEqualTo(((NtpTimestamp.UNIX_EPOCH_SECONDS + 2) << 32) | 0x4000_0000L);
    }

    @Test
    void compactIsTheMiddleThirtyTwoBits() {
        assertThat(NtpTimestamp.compact(0xe1d5a6b3_80000000L)).isEqualTo(0xa6b38000);
        assertThat(NtpTimestamp.compactFromNanos(1_500_000_000L)).isEqualTo(0x18000);
        assertThat(NtpTimestamp.compactToNanos(0x18000)).isEqualTo(1_500_000_000L);
        assertThat(NtpTimestamp.compactToNanos(-1)).isEqualTo(65_535_999_984_741L);
    }
}
