package io.jrtc.pc;

import java.util.Map;

/**
 * How the remote receives a stream we send, from its last RTCP report block about it (W3C
 * RTCRemoteInboundRtpStreamStats; RFC 3550 §6.4.1).
 */
public final class RTCRemoteInboundRtpStreamStats extends RTCRtpStreamStats {
    public RTCRemoteInboundRtpStreamStats(String id, double timestamp, Map<String, Object> members) {
        super("remote-inbound-rtp", id, timestamp, members);
    }

    /** What the remote received: the packets we sent less those it reports lost. */
    public long getPacketsReceived() {
        return longMember("packetsReceived");
    }

    public long getPacketsLost() {
        return longMember("packetsLost");
    }

    /** Interarrival jitter in seconds, as the remote measured it. */
    public double getJitter() {
        return doubleMember("jitter");
    }

    /** Seconds, from the report's LSR and DLSR; 0 before a report that has them. */
    public double getRoundTripTime() {
        return doubleMember("roundTripTime");
    }

    /** The fraction lost since the remote's previous report, 0 to 1. */
    public double getFractionLost() {
        return doubleMember("fractionLost");
    }
}
