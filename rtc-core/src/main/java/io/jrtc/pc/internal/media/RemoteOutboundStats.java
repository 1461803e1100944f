package io.jrtc.pc.internal.media;

import io.jrtc.media.MediaKind;
import io.jrtc.pc.RTCRemoteOutboundRtpStreamStats;
import io.jrtc.pc.RTCStats;
import io.jrtc.rtp.NtpTimestamp;
import io.jrtc.rtp.SenderReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the remote's last sender report says of a stream we receive (W3C remote-outbound-rtp). */
final class RemoteOutboundStats {
    private RemoteOutboundStats() {
    }

    /** Adds the stats of the stream {@code ssrc} (unsigned), whose inbound-rtp stats are "IT" + ssrc. */
    static void add(List<RTCStats> stats, double timestamp, String transportId, MediaKind kind, long ssrc,
            SenderReport report) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ssrc", ssrc);
        r.put("kind", kind.toString());
        r.put("transportId", transportId);
        r.put("localId", "IT" + ssrc);
        r.put("packetsSent", Integer.toUnsignedLong(report.packetCount()));
        r.put("bytesSent", Integer.toUnsignedLong(report.octetCount()));
        r.put("remoteTimestamp", NtpTimestamp.toDurationNanos(report.ntpTimestamp()) / 1e6
                - NtpTimestamp.UNIX_EPOCH_SECONDS * 1000.0);
        stats.add(new RTCRemoteOutboundRtpStreamStats("RO" + ssrc, timestamp, r));
    }
}
