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
