package io.jrtc.pc;

import java.util.Map;

/** What every RTP stream's stats have (W3C RTCRtpStreamStats): the SSRC, the media kind and the transport. */
public abstract class RTCRtpStreamStats extends RTCStats {
    RTCRtpStreamStats(String type, String id, double timestamp, Map<String, Object> members) {
        super(type, id, timestamp, members);
    }

    public long getSsrc() {
        return longMember("ssrc");
    }

    /** "audio" or "video". */
    public String getKind() {
        return (String) get("kind");
    }

    public String getTransportId() {
        return (String) get("transportId");
    }

    /** The id of the stream's codec stats ({@link RTCCodecStats}), or null before a packet told the codec. */
    public String getCodecId() {
        return (String) get("codecId");
    }
}
