package io.jrtc.spring.autoconfigure.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StatsSummaryTest {

    @Test
    void takesTransportBytesChannelMessagesAndTheSelectedPairsRoundTripTime() {
        StatsSummary summary = StatsSummary.of(List.of(
                Map.of("id", "T01", "type", "transport", "bytesSent", 1200L, "bytesReceived", 800,
                        "selectedCandidatePairId", "CP2"),
                Map.of("id", "CP1", "type", "candidate-pair", "currentRoundTripTime", 0.5, "nominated", false,
                        "state", "failed"),
                Map.of("id", "CP2", "type", "candidate-pair", "currentRoundTripTime", 0.012, "nominated", true,
                        "state", "succeeded"),
                Map.of("id", "D1", "type", "data-channel", "label", "chat", "dataChannelIdentifier", 1,
                        "state", "open", "messagesSent", 3L, "messagesReceived", 4L, "bytesSent", 30L,
                        "bytesReceived", 40L),
                Map.of("id", "D2", "type", "data-channel", "label", "files", "dataChannelIdentifier", 3,
                        "state", "closed", "messagesSent", 1L, "messagesReceived", 2L)));

        assertThat(summary.bytesSent()).isEqualTo(1200);
        assertThat(summary.bytesReceived()).isEqualTo(800);
        assertThat(summary.messagesSent()).isEqualTo(4);
        assertThat(summary.messagesReceived()).isEqualTo(6);
        assertThat(summary.roundTripTime()).isEqualTo(0.012);
        assertThat(summary.dataChannels()).extracting(StatsSummary.DataChannelSummary::label)
                .containsExactly("chat", "files");
        assertThat(summary.toMap()).containsEntry("roundTripTime", 0.012).containsEntry("messagesSent", 4L);
    }

    @Test
    void takesEachStreamsCodecFromItsCodecIdAndItsPictureAndEncoderTarget() {
        StatsSummary summary = StatsSummary.of(List.of(
                Map.of("id", "IT1", "type", "inbound-rtp", "kind", "video", "ssrc", 11L, "codecId", "CIT01_96",
                        "framesPerSecond", 30.0, "frameWidth", 640L, "frameHeight", 480L),
                Map.of("id", "CIT01_96", "type", "codec", "mimeType", "video/VP8", "payloadType", 96L),
                Map.of("id", "OT2", "type", "outbound-rtp", "kind", "video", "ssrc", 22L, "codecId", "COT01_98",
                        "targetBitrate", 400_000.0, "qualityLimitationReason", "bandwidth")));

        assertThat(summary.rtpStreams()).extracting(StatsSummary.RtpStreamSummary::coding).containsExactly(
                new StatsSummary.Coding("video/VP8", 30.0, 640L, 480L, null, null),
                new StatsSummary.Coding(null, null, null, null, 400_000.0, "bandwidth"));
        assertThat(summary.rtpStreams().get(0).toMap()).containsEntry("mimeType", "video/VP8")
                .containsEntry("frameWidth", 640L).containsEntry("framesPerSecond", 30.0);
        assertThat(summary.rtpStreams().get(1).toMap()).containsEntry("targetBitrate", 400_000.0)
                .containsEntry("qualityLimitationReason", "bandwidth").containsEntry("mimeType", null);
    }

    @Test
    void takesRtpStreamsWithAnOutboundStreamsLossAndRoundTripTimeFromTheRemotesReport() {
        StatsSummary summary = StatsSummary.of(List.of(
                Map.of("id", "IT1", "type", "inbound-rtp", "kind", "audio", "ssrc", 11L, "packetsReceived", 500L,
                        "bytesReceived", 40_000L, "packetsLost", 3, "jitter", 0.002),
                Map.of("id", "OT2", "type", "outbound-rtp", "kind", "video", "ssrc", 22L, "packetsSent", 900L,
                        "bytesSent", 800_000L, "remoteId", "RI2"),
                Map.of("id", "RI2", "type", "remote-inbound-rtp", "kind", "video", "ssrc", 22L, "packetsLost", 7L,
                        "jitter", 0.004, "roundTripTime", 0.021)));

        assertThat(summary.rtpStreams()).containsExactlyInAnyOrder(
                new StatsSummary.RtpStreamSummary("inbound", "audio", 11, 500, 40_000, 3, 0.002, null),
                new StatsSummary.RtpStreamSummary("outbound", "video", 22, 900, 800_000, 7, 0.004, 0.021));
        assertThat(summary.rtpPackets("inbound")).isEqualTo(500);
        assertThat(summary.rtpPackets("outbound")).isEqualTo(900);
        assertThat(summary.rtpPacketsLost()).isEqualTo(10);

        TrafficTotals totals = new TrafficTotals();
        totals.addGrowth(StatsSummary.EMPTY, summary);
        assertThat(totals.rtpPacketsSent()).isEqualTo(900);
        assertThat(totals.rtpPacketsReceived()).isEqualTo(500);
        assertThat(totals.rtpPacketsLost()).isEqualTo(10);
    }

    @Test
    void fallsBackToTheNominatedSucceededPairWithoutASelectedPairId() {
        StatsSummary summary = StatsSummary.of(List.of(
                Map.of("id", "CP1", "type", "candidate-pair", "currentRoundTripTime", 0.03, "nominated", true,
                        "state", "succeeded")));

        assertThat(summary.roundTripTime()).isEqualTo(0.03);
    }

    @Test
    void anEmptyReportIsAllZeroWithoutRoundTripTime() {
        StatsSummary summary = StatsSummary.of(List.of());

        assertThat(summary).isEqualTo(StatsSummary.EMPTY);
        assertThat(summary.toMap()).containsEntry("roundTripTime", null);
    }

    @Test
    void totalsOnlyGrowAndKeepWhatClosedChannelsCounted() {
        TrafficTotals totals = new TrafficTotals();
        StatsSummary first = new StatsSummary(100, 50, 2, 3, null, List.of());
        StatsSummary second = new StatsSummary(250, 70, 1, 5, null, List.of());

        totals.addGrowth(StatsSummary.EMPTY, first);
        totals.addGrowth(first, second);

        assertThat(totals.bytesSent()).isEqualTo(250);
        assertThat(totals.bytesReceived()).isEqualTo(70);
        assertThat(totals.messagesSent()).isEqualTo(2);
        assertThat(totals.messagesReceived()).isEqualTo(5);
    }
}
