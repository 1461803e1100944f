package io.jrtc.pc;

import java.time.Instant;

/**
 * A contributing source (CSRC, RFC 3550 §3) heard recently by a receiver (W3C webrtc §5.4
 * RTCRtpContributingSource): when its last packet was delivered, the CSRC as an unsigned 32-bit value, its audio
 * level 0..1 from the RFC 6465 mixer-to-client extension (null when not received) and the packet's RTP timestamp.
 */
public record RTCRtpContributingSource(Instant timestamp, long source, Double audioLevel, long rtpTimestamp) {

    public RTCRtpContributingSource {
        RTCRtpSynchronizationSource.checkSource(timestamp, source, audioLevel, rtpTimestamp);
    }
}
