package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.media.ToneAudioTrack;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two of our peers on loopback: the sender numbers its packets with transport-wide sequence numbers, the receiver
 * feeds them back, and the sender's estimate shows in the selected candidate pair's stats. An Opus sender alone
 * cannot probe (no RTX stream to pad on); ramp-up by probing is {@code SendSideEstimationBottleneckTest}'s.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendSideEstimationLoopbackTest {

    @Test
    void theEstimateFromFeedbackShowsAsAvailableOutgoingBitrate() throws Exception {
        try (PeerPair pair = new PeerPair()) {
            pair.offerer.addTransceiver(new ToneAudioTrack(440, 8000), RTCRtpTransceiverDirection.SENDONLY);
            CompletableFuture<RTCTrackEvent> arrived = new CompletableFuture<>();
            pair.answerer.onTrack(arrived::complete);
            pair.negotiate();
            arrived.get(10, TimeUnit.SECONDS);
            assertThat(pair.offerer.getLocalDescription().sdp())
                    .contains("draft-holmer-rmcat-transport-wide-cc-extensions-01");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                RTCStats selected = selectedPair(await(pair.offerer.getStats()));
                assertThat(selected.get("availableOutgoingBitrate")).isInstanceOf(Double.class);
                // Within the estimator's bounds (30 kbit/s to 20 Mbit/s); an audio-only sender has no RTX to probe on.
                assertThat((Double) selected.get("availableOutgoingBitrate")).isBetween(30_000.0, 20_000_000.0);
                // The estimate starts at a configured rate before any feedback, so also wait for packets to arrive:
                // on a loaded machine the answerer's first one can come after the stats show an estimate.
                assertThat(await(pair.answerer.getStats()).ofType("inbound-rtp")).singleElement()
                        .satisfies(inbound -> assertThat(((RTCInboundRtpStreamStats) inbound).getPacketsReceived())
                                .isPositive());
            });
        }
    }

    private static RTCStats selectedPair(RTCStatsReport report) {
        String id = (String) report.ofType("transport").get(0).get("selectedCandidatePairId");
        return report.ofType("candidate-pair").stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElseThrow();
    }
}
