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

    /** Video frames assembled from RTP and handed to the track (the stack decodes no video). */
    public long getFramesReceived() {
        return longMember("framesReceived");
    }

    /** Video frames assembled in the last second. */
    public double getFramesPerSecond() {
        return doubleMember("framesPerSecond");
    }

    /**
     * Video keyframes assembled; not a W3C member (W3C counts keyFramesDecoded, and the stack decodes no video).
     */
    public long getKeyFramesReceived() {
        return longMember("keyFramesReceived");
    }

    /** Picture loss indications we sent for this stream. */
    public long getPliCount() {
        return longMember("pliCount");
    }

    /** Generic NACKs we sent for this stream. */
    public long getNackCount() {
        return longMember("nackCount");
    }

    /**
     * Seconds frames (video) or samples (audio) waited from their first packet's arrival until they left the jitter
     * buffer, summed; divided by {@code jitterBufferEmittedCount} it is the mean wait.
     */
    public double getJitterBufferDelay() {
        return doubleMember("jitterBufferDelay");
    }

    public long getJitterBufferEmittedCount() {
        return longMember("jitterBufferEmittedCount");
    }
}
