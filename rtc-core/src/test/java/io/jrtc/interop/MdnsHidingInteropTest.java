package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.RtcEngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * jrtc hiding its host addresses behind {@code <uuid>.local} names (draft-ietf-mmusic-mdns-ice-candidates), the
 * way browsers do: the peer, another jrtc engine or Chromium, resolves the names through our mDNS responder and
 * checks the host candidates they stand for. Both run in the test namespace, where mDNS multicast goes over the
 * veth pair jt0/jt1 (loopback has no multicast flag there, and needs none: candidates are never on loopback).
 *
 * <p>Chromium runs in its default mode here: with {@code --disable-features=WebRtcHideLocalIpsWithMdns}, the
 * switch the other interop tests use, it sends no mDNS query at all for a peer's {@code .local} candidates (seen
 * on port 5353 in the namespace: queries with the feature on, none with it off) and learns our addresses only as
 * peer-reflexive ones from our checks.
 */
class MdnsHidingInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern HOST_NAME =
            Pattern.compile("a=candidate:\\S+ 1 udp \\d+ ([0-9a-f-]{36}\\.local) \\d+ typ host");
    private static final RtcEngineSettings HIDING = RtcEngineSettings.defaults().withHideHostAddresses(true);

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aJrtcEngineResolvesTheNamesOfAHidingOneOverIpv4AndIpv6AndConnects() throws Exception {
        try (JrtcPeer hiding = new JrtcPeer(new RTCConfiguration(), HIDING); JrtcPeer plain = new JrtcPeer()) {
            try {
                hiding.createDataChannel("chat", true, null, null, false, null);
                String offer = hiding.createOffer();
                String answer = plain.acceptOffer(offer);
                hiding.acceptAnswer(answer);

                List<String> names = hostNames(offer);
                assertThat(names).hasSizeGreaterThanOrEqualTo(2).doesNotHaveDuplicates();
                assertThat(offer).doesNotContain("198.18.0.").doesNotContain("fd00:198:18:");
                assertThat(answer).contains(" 198.18.0.");

                hiding.awaitConnectionState("connected", WAIT);
                plain.awaitConnectionState("connected", WAIT);
                plain.awaitChannelOpen("chat", WAIT);
                hiding.sendText("chat", "hidden");
                assertThat(plain.awaitMessage("chat", WAIT)).isEqualTo(ReceivedMessage.text("hidden"));

                // The plain side resolved the names, A records and AAAA records, and checked what they stand
                // for: its remote host candidates carry the hiding side's addresses of both families.
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
                    List<String> resolved = remoteHostAddresses(plain);
                    assertThat(resolved).anyMatch(a -> a.startsWith("198.18.0."));
                    assertThat(resolved).anyMatch(a -> a.startsWith("fd00:198:18:"));
                    assertThat(succeededPairsToRemoteHosts(plain)).isNotEmpty();
                });
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(hiding, plain), e);
            }
        }
    }

    @ParameterizedTest(name = "jrtc offers: {0}")
    @ValueSource(booleans = {true, false})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void chromiumResolvesJrtcsNamesAndConnectsOverThem(boolean jrtcOffers) throws Exception {
        try (ChromiumPeer chromium = new ChromiumPeer(true); JrtcPeer jrtc = new JrtcPeer(new RTCConfiguration(),
                HIDING)) {
            try {
                InteropPeer offerer = jrtcOffers ? jrtc : chromium;
                InteropPeer answerer = jrtcOffers ? chromium : jrtc;
                offerer.createDataChannel("chat", true, null, null, false, null);
                String offer = offerer.createOffer();
                String answer = answerer.acceptOffer(offer);
                offerer.acceptAnswer(answer);
                String jrtcSdp = jrtcOffers ? offer : answer;
                assertThat(hostNames(jrtcSdp)).isNotEmpty();
                assertThat(jrtcSdp).doesNotContain(" 198.18.0.");

                offerer.awaitConnectionState("connected", WAIT);
                answerer.awaitConnectionState("connected", WAIT);
                offerer.awaitChannelOpen("chat", WAIT);
                answerer.awaitChannelOpen("chat", WAIT);

                // Had Chromium not resolved our names it would know our addresses only as peer-reflexive ones,
                // from our checks; a succeeded pair to a remote host candidate means it resolved one.
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                        assertThat(chromium.succeededPairs()).anyMatch(pair -> "host".equals(pair.get("remoteType"))));

                jrtc.sendText("chat", "to chromium");
                assertThat(chromium.awaitMessage("chat", WAIT)).isEqualTo(ReceivedMessage.text("to chromium"));
                chromium.sendText("chat", "to jrtc");
                assertThat(jrtc.awaitMessage("chat", WAIT)).isEqualTo(ReceivedMessage.text("to jrtc"));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + logs(chromium, jrtc), e);
            }
        }
    }

    private static List<String> hostNames(String sdp) {
        Matcher matcher = HOST_NAME.matcher(sdp);
        List<String> names = new java.util.ArrayList<>();
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<String> remoteHostAddresses(JrtcPeer peer) throws Exception {
        RTCStatsReport report = peer.peerConnection().getStats().get(5, TimeUnit.SECONDS);
        return report.ofType("remote-candidate").stream().filter(c -> "host".equals(c.get("candidateType")))
                .map(c -> (String) c.get("address")).toList();
    }

    private static List<RTCStats> succeededPairsToRemoteHosts(JrtcPeer peer) throws Exception {
        RTCStatsReport report = peer.peerConnection().getStats().get(5, TimeUnit.SECONDS);
        return report.ofType("candidate-pair").stream().filter(pair -> "succeeded".equals(pair.get("state")))
                .filter(pair -> "host".equals(report.get((String) pair.get("remoteCandidateId"))
                        .get("candidateType"))).toList();
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
