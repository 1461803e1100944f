package io.jrtc.pc;

import java.util.Map;

/** How the remote says it sends a stream we receive, from its last sender report (W3C, RFC 3550 §6.4.1). */
public final class RTCRemoteOutboundRtpStreamStats extends RTCRtpStreamStats {
    public RTCRemoteOutboundRtpStreamStats(String id, double timestamp, Map<String, Object> members) {
        super("remote-outbound-rtp", id, timestamp, members);
    }

    public long getPacketsSent() {
        return longMember("packetsSent");
    }

    public long getBytesSent() {
        return longMember("bytesSent");
    }

    /** When the remote sent the report, in milliseconds since the Unix epoch (its NTP timestamp). */
    public double getRemoteTimestamp() {
        return doubleMember("remoteTimestamp");
    }
}
