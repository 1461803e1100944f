package io.jrtc.pc;

import java.util.Map;

/**
 * A codec an RTP stream of the report uses (W3C RTCCodecStats), referenced by the stream's {@code codecId}: its
 * payload type on one transport, MIME type, clock rate, channels and {@code a=fmtp} parameters.
 */
public final class RTCCodecStats extends RTCStats {
    /** A codec's stats as the stack reports them. */
    public RTCCodecStats(String id, double timestamp, Map<String, Object> members) {
        super("codec", id, timestamp, members);
    }

    public long getPayloadType() {
        return longMember("payloadType");
    }

    /** E.g. "video/VP8", as in the SDP. */
    public String getMimeType() {
        return (String) get("mimeType");
    }

    public long getClockRate() {
        return longMember("clockRate");
    }

    /** Audio channels; absent (0) for video. */
    public long getChannels() {
        return longMember("channels");
    }

    /** The {@code a=fmtp} parameters without the payload type, or null when there are none. */
    public String getSdpFmtpLine() {
        return (String) get("sdpFmtpLine");
    }

    public String getTransportId() {
        return (String) get("transportId");
    }
}
