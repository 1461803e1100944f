package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Headless Chromium in its default mode hides its host addresses behind {@code <uuid>.local} mDNS names; jrtc
 * resolves them over multicast DNS and checks the host candidates themselves, instead of waiting for Chromium's
 * checks to teach it peer-reflexive ones.
 */
class MdnsInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "chromium offers: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void jrtcResolvesChromiumsMdnsHostCandidatesAndConnectsOverThem(boolean chromiumOffers) throws Exception {
        try (ChromiumPeer chromium = new ChromiumPeer(true); JrtcPeer jrtc = new JrtcPeer()) {
            try {
                InteropPeer offerer = chromiumOffers ? chromium : jrtc;
                InteropPeer answerer = chromiumOffers ? jrtc : chromium;
                offerer.createDataChannel("chat", true, null, null, false, null);
                String offer = offerer.createOffer();
                String answer = answerer.acceptOffer(offer);
                offerer.acceptAnswer(answer);
                String chromiumSdp = chromiumOffers ? offer : answer;
                assertThat(chromiumSdp).containsPattern("a=candidate:\\S+ 1 udp \\d+ [0-9a-f-]{36}\\.local \\d+ typ host")
                        .doesNotContain(" 198.18.0.");

                offerer.awaitConnectionState("connected", WAIT);
                answerer.awaitConnectionState("connected", WAIT);
                offerer.awaitChannelOpen("chat", WAIT);
                answerer.awaitChannelOpen("chat", WAIT);

                // jrtc checks the host candidate it resolved, and Chromium answers. The selected pair may still
                // be a peer-reflexive one: Chromium's socket is bound to the wildcard address, so its checks to
                // jrtc's 198.18.0.2 come from 198.18.0.2, an address Chromium never signalled.
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                        assertThat(succeededPairsToResolvedHosts(jrtc)).isNotEmpty());

                jrtc.sendText("chat", "to chromium");
                assertThat(chromium.awaitMessage("chat", WAIT)).isEqualTo(ReceivedMessage.text("to chromium"));
                chromium.sendText("chat", "to jrtc");
                assertThat(jrtc.awaitMessage("chat", WAIT)).isEqualTo(ReceivedMessage.text("to jrtc"));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(chromium, jrtc), e);
            }
        }
    }

    private static List<RTCStats> succeededPairsToResolvedHosts(JrtcPeer jrtc) throws Exception {
        RTCStatsReport report = jrtc.peerConnection().getStats().get(5, TimeUnit.SECONDS);
        return report.ofType("candidate-pair").stream().filter(pair -> "succeeded".equals(pair.get("state")))
                .filter(pair -> {
                    RTCStats remote = report.get((String) pair.get("remoteCandidateId"));
                    return "host".equals(remote.get("candidateType"))
                            && ((String) remote.get("address")).startsWith("198.18.0.");
                }).toList();
    }

    private static String logs(InteropPeer... peers) {
        StringBuilder text = new StringBuilder();
        for (InteropPeer peer : peers) {
            text.append("\n--- log of ").append(peer.name()).append(" ---\n");
            peer.log().forEach(line -> text.append(line).append('\n'));
        }
        return text.toString();
    }
}
