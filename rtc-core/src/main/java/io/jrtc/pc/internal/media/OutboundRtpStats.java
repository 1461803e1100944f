package io.jrtc.pc.internal.media;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaKind;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.pc.RTCOutboundRtpStreamStats;
import io.jrtc.pc.RTCRemoteInboundRtpStreamStats;
import io.jrtc.pc.RTCStats;
import io.jrtc.rtp.ReportBlock;
import io.jrtc.rtp.SendStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts an {@link RtpSender} keeps only for its W3C statistics, and the outbound-rtp, remote-inbound-rtp and
 * media-source stats built from them and the sender's state. On the connection's loop.
 */
final class OutboundRtpStats {
    private long framesSent;
    private long framesDropped;
    private long keyframeRequests;
    private long fullIntraRequests;
    /** What the remote's last report block said of this stream, or null. */
    private ReportBlock lastReportBlock;
    private final MediaSourceCounters mediaSource = new MediaSourceCounters();

    /**
     * The sender's state the stats read, as it is when they are taken.
     *
     * @param encoding whether the last frame sent was raw and encoded here (a coded frame passed through, or a
     *                 forwarded packet, has no encoder to target)
     * @param targetBitrate the application's cap on raw video, bit/s (0: none)
     * @param encoderBitrate what the encoder was last given, bit/s (0: nothing yet)
     */
    record Sender(int ssrc, MediaKind kind, String mid, MediaStreamTrack track, SendStatistics statistics,
                  Retransmissions retransmissions, FramePacketizer lastUsed, boolean encoding, int targetBitrate,
                  long encoderBitrate, long now) {
    }

    void onSourceFrame(long now, Frame frame) {
        mediaSource.onFrame(now, frame);
    }

    void onFrameSent() {
        framesSent++;
    }

    void onFrameDropped() {
        framesDropped++;
    }

    /** The remote asked for a keyframe: by FIR when {@code full}, else by PLI. */
    void onKeyframeRequest(boolean full) {
        if (full) {
            fullIntraRequests++;
        } else {
            keyframeRequests++;
        }
    }

    void onReportBlock(ReportBlock block) {
        lastReportBlock = block;
    }

    /** Adds the sender's outbound-rtp stats, with its media-source and remote-inbound-rtp ones where known. */
    void add(List<RTCStats> stats, double timestamp, String transportId, Sender sender) {
        int ssrc = sender.ssrc();
        SendStatistics statistics = sender.statistics();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("ssrc", Integer.toUnsignedLong(ssrc));
        s.put("kind", sender.kind().toString());
        s.put("transportId", transportId);
        s.put("mid", sender.mid());
        s.put("packetsSent", Integer.toUnsignedLong(statistics.packetCount()));
        s.put("bytesSent", Integer.toUnsignedLong(statistics.octetCount()));
        s.put("framesSent", framesSent);
        s.put("framesDropped", framesDropped);
        s.put("pliCount", keyframeRequests);
        s.put("firCount", fullIntraRequests);
        s.put("nackCount", sender.retransmissions().nacksReceived());
        s.put("retransmittedPacketsSent", sender.retransmissions().packetsResent());
        MediaStreamTrack track = sender.track();
        FramePacketizer lastUsed = sender.lastUsed();
        s.put("trackId", track == null ? null : track.getId());
        s.put("mimeType", lastUsed.codec().mimeType());
        s.put("codecId", CodecStats.add(stats, timestamp, transportId, lastUsed.codec(), false));
        if (track != null) {
            String sourceId = "MS" + Integer.toUnsignedString(ssrc);
            s.put("mediaSourceId", sourceId);
            mediaSource.addStats(stats, timestamp, sender.now(), sourceId, track);
        }
        if (sender.encoding()) {
            EncoderTargetStats.add(s, sender.kind(), lastUsed.codec(), lastUsed.opusBitrate(), sender.targetBitrate(),
                    sender.encoderBitrate());
        }
        String id = "OT" + Integer.toUnsignedString(ssrc);
        if (lastReportBlock != null) {
            s.put("remoteId", "RI" + Integer.toUnsignedString(ssrc));
            addRemoteInbound(stats, timestamp, transportId, id, sender);
        }
        stats.add(new RTCOutboundRtpStreamStats(id, timestamp, s));
    }

    /** What the remote's last report block says of this stream (remote-inbound-rtp). */
    private void addRemoteInbound(List<RTCStats> stats, double timestamp, String transportId, String localId,
                                  Sender sender) {
        ReportBlock block = lastReportBlock;
        SendStatistics statistics = sender.statistics();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ssrc", Integer.toUnsignedLong(sender.ssrc()));
        r.put("kind", sender.kind().toString());
        r.put("transportId", transportId);
        r.put("localId", localId);
        r.put("packetsLost", (long) block.cumulativeLost());
        long sent = Integer.toUnsignedLong(statistics.packetCount());
        r.put("packetsReceived", Math.max(0, sent - block.cumulativeLost()));
        r.put("jitter", Integer.toUnsignedLong(block.jitter()) / (double) sender.lastUsed().codec().clockRate());
        r.put("fractionLost", block.fractionLost() / 256.0);
        if (statistics.roundTripTime() >= 0) {
            r.put("roundTripTime", statistics.roundTripTime() / 1e9);
        }
        stats.add(new RTCRemoteInboundRtpStreamStats("RI" + Integer.toUnsignedString(sender.ssrc()), timestamp, r));
    }
}
