package io.jrtc.pc.internal.media;

import io.jrtc.pc.RTCCodecStats;
import io.jrtc.pc.RTCStats;
import io.jrtc.sdp.media.Fmtp;
import io.jrtc.sdp.media.RtpCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The codec stats an RTP stream references (W3C RTCCodecStats). One per payload type, transport and direction: a
 * payload type names the codec per direction of each m-line (RFC 8829 §5.2.1), so the ids say which ("CI" received,
 * "CO" sent) and a report that holds both directions keeps both.
 */
final class CodecStats {
    private CodecStats() {
    }

    /** Adds the codec's stats and returns their id, for the stream's {@code codecId}. */
    static String add(List<RTCStats> stats, double timestamp, String transportId, RtpCodec codec, boolean received) {
        String id = (received ? "CI" : "CO") + transportId + "_" + codec.payloadType();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("transportId", transportId);
        c.put("payloadType", (long) codec.payloadType());
        c.put("mimeType", codec.mimeType());
        c.put("clockRate", (long) codec.clockRate());
        c.put("channels", codec.channels() == 0 ? null : (long) codec.channels());
        if (!codec.parameters().isEmpty()) {
            String line = new Fmtp(codec.payloadType(), codec.parameters()).toValue();
            c.put("sdpFmtpLine", line.substring(line.indexOf(' ') + 1));
        }
        stats.add(new RTCCodecStats(id, timestamp, c));
        return id;
    }
}
