package io.jrtc.rtp.cc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.rtp.TransportFeedbackGenerator;
import io.jrtc.rtp.TransportWideFeedback;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our numbering against the receiver's feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1). */
class SentPacketHistoryTest {
    private static final long MS = 1_000_000L;

    @Test
    void feedbackFromTheReceiverMatchesEachSentPacketWithItsArrivalOrLoss() {
        SentPacketHistory history = new SentPacketHistory();
        TransportFeedbackGenerator receiver = new TransportFeedbackGenerator(1);
        for (int i = 0; i < 10; i++) {
            int sequence = history.onSent(i * MS, 1000 + i, i == 3 ? 7 : ProbeCluster.NONE);
            if (i != 5) {
                receiver.handleReceive(20 * MS + 2 * i * MS, 2, sequence);  // arrivals 2 ms apart, #5 lost
            }
        }
        receiver.handleTimeout(200 * MS);
        TransportWideFeedback feedback = receiver.pollTransmit();

        List<PacketResult> results = history.onFeedback(feedback);

        assertThat(results).hasSize(10);
        assertThat(results.get(5).received()).isFalse();
        assertThat(results.get(3).probeClusterId()).isEqualTo(7);
        assertThat(results.get(9).size()).isEqualTo(1009);
        assertThat(results.get(9).receiveTime() - results.get(0).receiveTime()).isEqualTo(18 * MS);
        assertThat(history.onFeedback(feedback)).as("reported once").allMatch(r -> !r.received());
    }

    @Test
    void sequenceNumbersWrapAt65536AndFeedbackAfterTheWrapStillMatches() {
        SentPacketHistory history = new SentPacketHistory();
        for (int i = 0; i < 65_534; i++) {
            history.onSent(0, 100, ProbeCluster.NONE);
        }
        int[] sent = new int[4];
        for (int i = 0; i < 4; i++) {
            sent[i] = history.onSent(i * MS, 500, ProbeCluster.NONE);
        }
        assertThat(sent).containsExactly(65_534, 65_535, 0, 1);
        TransportWideFeedback feedback = TransportWideFeedback.fromDeltas(1, 2, 65_534, 0, 0,
                new int[] {4, 4, 4, 4});

        assertThat(history.onFeedback(feedback)).extracting(PacketResult::sequence)
                .containsExactly(65_534L, 65_535L, 65_536L, 65_537L);
    }
}
