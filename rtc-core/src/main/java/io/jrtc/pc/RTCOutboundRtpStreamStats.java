package io.jrtc.pc;

import java.util.Map;

/** A stream we send (W3C RTCOutboundRtpStreamStats, the reference's class of the same name). */
public final class RTCOutboundRtpStreamStats extends RTCRtpStreamStats {
    public RTCOutboundRtpStreamStats(String id, double timestamp, Map<String, Object> members) {
        super("outbound-rtp", id, timestamp, members);
    }

    public long getPacketsSent() {
        return longMember("packetsSent");
    }

    /** Payload bytes, without headers (RFC 3550 §6.4.1 octet count). */
    public long getBytesSent() {
        return longMember("bytesSent");
    }

    /** The id of the track being sent, or null. */
    public String getTrackId() {
        return (String) get("trackId");
    }
}
