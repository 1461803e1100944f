package io.jrtc.pc;

import java.time.Instant;
import java.util.Objects;

/**
 * A synchronization source (SSRC, RFC 3550 §3) heard recently by a receiver (W3C webrtc §5.4
 * RTCRtpSynchronizationSource; the reference's {@code RTCRtpSynchronizationSource}): when its last packet was
 * delivered, the SSRC as an unsigned 32-bit value, the audio level 0..1 from the RFC 6464 extension (null when not
 * received; 1 is 0 dBov) and the RTP timestamp of that packet, unsigned 32-bit.
 */
public record RTCRtpSynchronizationSource(Instant timestamp, long source, Double audioLevel, long rtpTimestamp) {

    public RTCRtpSynchronizationSource {
        checkSource(timestamp, source, audioLevel, rtpTimestamp);
    }

    /** The reference's two fields only: no audio level, RTP timestamp 0. */
    public RTCRtpSynchronizationSource(Instant timestamp, long source) {
        this(timestamp, source, null, 0);
    }

    static void checkSource(Instant timestamp, long source, Double audioLevel, long rtpTimestamp) {
        Objects.requireNonNull(timestamp, "timestamp");
        checkUnsigned32(source, "source");
        checkUnsigned32(rtpTimestamp, "rtpTimestamp");
        if (audioLevel != null && !(audioLevel >= 0.0 && audioLevel <= 1.0)) {
            throw new IllegalArgumentException("audioLevel must be null or 0 to 1: " + audioLevel);
        }
    }

    private static void checkUnsigned32(long value, String name) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be an unsigned 32-bit value: " + value);
        }
    }
}
