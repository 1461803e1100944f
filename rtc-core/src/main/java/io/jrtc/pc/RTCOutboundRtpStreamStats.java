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

    /** The bitrate the encoder is told to produce, bit/s: the send-side estimate within the application's cap. */
    public double getTargetBitrate() {
        return doubleMember("targetBitrate");
    }

    /** Video: "bandwidth" while the estimate holds the encoder below the application's target, else "none". */
    public String getQualityLimitationReason() {
        return (String) get("qualityLimitationReason");
    }

    /** The id of the track's {@link RTCMediaSourceStats}, or null without a track. */
    public String getMediaSourceId() {
        return (String) get("mediaSourceId");
    }

    /** Picture loss indications the remote sent for this stream. */
    public long getPliCount() {
        return longMember("pliCount");
    }

    /** Full intra requests the remote sent for this stream. */
    public long getFirCount() {
        return longMember("firCount");
    }

    /** Generic NACKs the remote sent for this stream. */
    public long getNackCount() {
        return longMember("nackCount");
    }
}
