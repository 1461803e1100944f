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
 * feeds them back, and the sender's estimate (probed up from its 300 kbit/s start) shows in candidate-pair stats.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SendSideEstimationLoopbackTest {

    @Test
    void theEstimateRampsUpByProbingAndShowsAsAvailableOutgoingBitrate() throws Exception {
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
                assertThat((Double) selected.get("availableOutgoingBitrate")).isGreaterThan(300_000.0);
            });
            RTCStats inbound = await(pair.answerer.getStats()).ofType("inbound-rtp").get(0);
            assertThat(((RTCInboundRtpStreamStats) inbound).getPacketsReceived()).isPositive();
        }
    }

    private static RTCStats selectedPair(RTCStatsReport report) {
        String id = (String) report.ofType("transport").get(0).get("selectedCandidatePairId");
        return report.ofType("candidate-pair").stream().filter(p -> p.getId().equals(id)).findFirst()
                .orElseThrow();
    }
}
