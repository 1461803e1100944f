package io.jrtc.spring.autoconfigure.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;

/**
 * The few numbers of a W3C statistics report that dashboards plot: transport bytes, data-channel messages and the
 * round-trip time of the selected candidate pair (W3C webrtc-stats: RTCTransportStats, RTCIceCandidatePairStats,
 * RTCDataChannelStats).
 *
 * @param roundTripTime currentRoundTripTime of the selected pair in seconds, or null before one is measured
 */
public record StatsSummary(long bytesSent, long bytesReceived, long messagesSent, long messagesReceived,
        Double roundTripTime, List<DataChannelSummary> dataChannels, List<RtpStreamSummary> rtpStreams) {

    public static final StatsSummary EMPTY = new StatsSummary(0, 0, 0, 0, null, List.of(), List.of());

    public StatsSummary {
        dataChannels = List.copyOf(dataChannels);
        rtpStreams = List.copyOf(rtpStreams);
    }

    /** A summary without media, as data-channel-only connections have. */
    public StatsSummary(long bytesSent, long bytesReceived, long messagesSent, long messagesReceived,
            Double roundTripTime, List<DataChannelSummary> dataChannels) {
        this(bytesSent, bytesReceived, messagesSent, messagesReceived, roundTripTime, dataChannels, List.of());
    }

    /**
     * One RTP stream's counters (W3C inbound-rtp / outbound-rtp): {@code direction} "inbound" or "outbound";
     * {@code packetsLost} and {@code jitter} (seconds) as measured by the receiving side, so for an outbound
     * stream from the remote's reports; {@code roundTripTime} (seconds) of an outbound stream, or null; what the
     * stream is coded as and at in {@code coding}.
     */
    public record RtpStreamSummary(String direction, String kind, long ssrc, long packets, long bytes,
            long packetsLost, Double jitter, Double roundTripTime, Coding coding) {
        public RtpStreamSummary {
            coding = coding == null ? Coding.UNKNOWN : coding;
        }

        /** A stream whose coding the report does not say. */
        public RtpStreamSummary(String direction, String kind, long ssrc, long packets, long bytes,
                long packetsLost, Double jitter, Double roundTripTime) {
            this(direction, kind, ssrc, packets, bytes, packetsLost, jitter, roundTripTime, Coding.UNKNOWN);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("direction", direction);
            map.put("kind", kind);
            map.put("ssrc", ssrc);
            map.put("packets", packets);
            map.put("bytes", bytes);
            map.put("packetsLost", packetsLost);
            map.put("jitter", jitter);
            map.put("roundTripTime", roundTripTime);
            coding.putInto(map);
            return map;
        }
    }

    /**
     * What a stream is coded as and at (W3C codec, inbound-rtp and outbound-rtp members): the codec's MIME type;
     * for received video the frames per second and the picture size; for sent media the encoder's target bitrate
     * (bit/s) and, for video, whether the bandwidth estimate holds it back ("bandwidth") or not ("none"). Each is
     * null when the report does not say.
     */
    public record Coding(String mimeType, Double framesPerSecond, Long frameWidth, Long frameHeight,
            Double targetBitrate, String qualityLimitationReason) {
        public static final Coding UNKNOWN = new Coding(null, null, null, null, null, null);

        static Coding of(Map<String, Object> stream, Map<String, Object> codec) {
            return new Coding(codec != null && codec.get("mimeType") instanceof String mime ? mime : null,
                    doubleOf(stream.get("framesPerSecond")), longOrNull(stream.get("frameWidth")),
                    longOrNull(stream.get("frameHeight")), doubleOf(stream.get("targetBitrate")),
                    stream.get("qualityLimitationReason") instanceof String reason ? reason : null);
        }

        void putInto(Map<String, Object> map) {
            map.put("mimeType", mimeType);
            map.put("framesPerSecond", framesPerSecond);
            map.put("frameWidth", frameWidth);
            map.put("frameHeight", frameHeight);
            map.put("targetBitrate", targetBitrate);
            map.put("qualityLimitationReason", qualityLimitationReason);
        }
    }

    /** RTP packets over every stream of a direction ("inbound", "outbound"). */
    public long rtpPackets(String direction) {
        return rtpStreams.stream().filter(s -> s.direction().equals(direction)).mapToLong(RtpStreamSummary::packets)
                .sum();
    }

    /** Packets the receiving sides report lost, over every stream. */
    public long rtpPacketsLost() {
        return rtpStreams.stream().mapToLong(s -> Math.max(0, s.packetsLost())).sum();
    }

    /** One data channel's counters. */
    public record DataChannelSummary(String label, Integer id, String state, long messagesSent,
            long messagesReceived, long bytesSent, long bytesReceived) {
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("label", label);
            map.put("id", id);
            map.put("state", state);
            map.put("messagesSent", messagesSent);
            map.put("messagesReceived", messagesReceived);
            map.put("bytesSent", bytesSent);
            map.put("bytesReceived", bytesReceived);
            return map;
        }
    }

    public static StatsSummary of(RTCStatsReport report) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (RTCStats stats : report.values()) {
            members.add(stats.toMap());
        }
        return of(members);
    }

    /** Summarises reports given as their W3C member maps (each with at least "id" and "type"). */
    public static StatsSummary of(Iterable<Map<String, Object>> reports) {
        long bytesSent = 0;
        long bytesReceived = 0;
        Map<String, Map<String, Object>> rtpStats = new LinkedHashMap<>();
        List<String> selectedPairIds = new ArrayList<>();
        Map<String, Map<String, Object>> pairs = new LinkedHashMap<>();
        List<DataChannelSummary> channels = new ArrayList<>();
        for (Map<String, Object> stats : reports) {
            switch (String.valueOf(stats.get("type"))) {
                case "transport" -> {
                    bytesSent += longOf(stats.get("bytesSent"));
                    bytesReceived += longOf(stats.get("bytesReceived"));
                    if (stats.get("selectedCandidatePairId") instanceof String pairId) {
                        selectedPairIds.add(pairId);
                    }
                }
                case "candidate-pair" -> pairs.put(String.valueOf(stats.get("id")), stats);
                case "inbound-rtp", "outbound-rtp", "remote-inbound-rtp", "codec" ->
                        rtpStats.put(String.valueOf(stats.get("id")), stats);
                case "data-channel" -> channels.add(new DataChannelSummary(
                        stats.get("label") instanceof String label ? label : null,
                        stats.get("dataChannelIdentifier") instanceof Number id ? id.intValue() : null,
                        stats.get("state") instanceof String state ? state : null,
                        longOf(stats.get("messagesSent")), longOf(stats.get("messagesReceived")),
                        longOf(stats.get("bytesSent")), longOf(stats.get("bytesReceived"))));
                default -> {
                }
            }
        }
        long messagesSent = channels.stream().mapToLong(DataChannelSummary::messagesSent).sum();
        long messagesReceived = channels.stream().mapToLong(DataChannelSummary::messagesReceived).sum();
        return new StatsSummary(bytesSent, bytesReceived, messagesSent, messagesReceived,
                roundTripTime(selectedPairIds, pairs), channels, rtpStreams(rtpStats));
    }

    /** Inbound and outbound streams; an outbound one takes loss, jitter and RTT from its remote-inbound-rtp. */
    private static List<RtpStreamSummary> rtpStreams(Map<String, Map<String, Object>> rtpStats) {
        List<RtpStreamSummary> streams = new ArrayList<>();
        for (Map<String, Object> stats : rtpStats.values()) {
            String kind = stats.get("kind") instanceof String k ? k : null;
            long ssrc = longOf(stats.get("ssrc"));
            Coding coding = Coding.of(stats, stats.get("codecId") instanceof String id ? rtpStats.get(id) : null);
            if ("inbound-rtp".equals(stats.get("type"))) {
                streams.add(new RtpStreamSummary("inbound", kind, ssrc, longOf(stats.get("packetsReceived")),
                        longOf(stats.get("bytesReceived")), longOf(stats.get("packetsLost")),
                        doubleOf(stats.get("jitter")), null, coding));
            } else if ("outbound-rtp".equals(stats.get("type"))) {
                Map<String, Object> remote = stats.get("remoteId") instanceof String id ? rtpStats.get(id) : null;
                streams.add(new RtpStreamSummary("outbound", kind, ssrc, longOf(stats.get("packetsSent")),
                        longOf(stats.get("bytesSent")), remote == null ? 0 : longOf(remote.get("packetsLost")),
                        remote == null ? null : doubleOf(remote.get("jitter")),
                        remote == null ? null : doubleOf(remote.get("roundTripTime")), coding));
            }
        }
        return streams;
    }

    private static Double doubleOf(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static Double roundTripTime(List<String> selectedPairIds, Map<String, Map<String, Object>> pairs) {
        for (String id : selectedPairIds) {
            Map<String, Object> pair = pairs.get(id);
            if (pair != null && pair.get("currentRoundTripTime") instanceof Number rtt) {
                return rtt.doubleValue();
            }
        }
        // No transport named its pair: fall back to a nominated, succeeded one.
        for (Map<String, Object> pair : pairs.values()) {
            if (Boolean.TRUE.equals(pair.get("nominated")) && "succeeded".equals(pair.get("state"))
                    && pair.get("currentRoundTripTime") instanceof Number rtt) {
                return rtt.doubleValue();
            }
        }
        return null;
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static long longOf(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** The JSON-ready form used as the data of a {@code stats} event. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bytesSent", bytesSent);
        map.put("bytesReceived", bytesReceived);
        map.put("messagesSent", messagesSent);
        map.put("messagesReceived", messagesReceived);
        map.put("roundTripTime", roundTripTime);
        map.put("dataChannels", dataChannels.stream().map(DataChannelSummary::toMap).toList());
        map.put("rtpStreams", rtpStreams.stream().map(RtpStreamSummary::toMap).toList());
        return map;
    }
}
