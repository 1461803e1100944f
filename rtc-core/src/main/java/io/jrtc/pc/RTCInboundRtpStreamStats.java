package io.jrtc.pc;

import java.util.Map;

/** A stream we receive (W3C RTCInboundRtpStreamStats, the reference's class of the same name). */
public final class RTCInboundRtpStreamStats extends RTCRtpStreamStats {
    public RTCInboundRtpStreamStats(String id, double timestamp, Map<String, Object> members) {
        super("inbound-rtp", id, timestamp, members);
    }

    public long getPacketsReceived() {
        return longMember("packetsReceived");
    }

    /** Expected minus received (RFC 3550 §6.4.1): negative when duplicates arrived. */
    public long getPacketsLost() {
        return longMember("packetsLost");
    }

    /** Interarrival jitter in seconds. */
    public double getJitter() {
        return doubleMember("jitter");
    }
}
