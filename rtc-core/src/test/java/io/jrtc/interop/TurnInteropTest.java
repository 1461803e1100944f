package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.TurnsTrust;
import io.jrtc.turn.CoturnServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jrtc behind a real coturn, with the {@code relay} policy, against real aiortc and real headless Chromium in both
 * roles: jrtc offers only its relayed candidate, its selected pair is on it, and messages cross the relay both ways.
 * coturn listens and relays on the test namespace's address, where the other peers' host candidates are too; jrtc
 * reaches it over UDP, TCP or TLS (its relayed address is UDP in every case).
 */
class TurnInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} offers, {1} answers, jrtc reaches coturn over {2}")
    @CsvSource({"jrtc, aiortc, udp", "aiortc, jrtc, udp", "jrtc, chromium, udp", "chromium, jrtc, udp",
        "jrtc, aiortc, tls", "chromium, jrtc, tcp"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRelayOnlyJrtcPeerTalksToRealPeersThroughCoturn(String offererName, String answererName, String via)
            throws Exception {
        boolean streams = !via.equals("udp");
        try (CoturnServer coturn = new CoturnServer(dir, InetAddress.getByName("198.18.0.1"), streams);
             TurnsTrust trust = streams ? TurnsTrust.coturn(coturn) : null;
             JrtcPeer jrtc = new JrtcPeer(new RTCConfiguration(List.of(new RTCIceServer(
                     turnUrl(coturn, via), CoturnServer.USER, CoturnServer.PASSWORD)))
                     .withIceTransportPolicy(RTCIceTransportPolicy.RELAY));
             InteropPeer other = offererName.equals("aiortc") || answererName.equals("aiortc")
                     ? new AiortcPeer() : new ChromiumPeer()) {
            InteropPeer offerer = offererName.equals("jrtc") ? jrtc : other;
            InteropPeer answerer = offerer == jrtc ? other : jrtc;
            try {
                offerer.createDataChannel("via-turn", true, null, null, false, null);
                String offer = offerer.createOffer();
                String answer = answerer.acceptOffer(offer);
                offerer.acceptAnswer(answer);
                String jrtcSdp = offerer == jrtc ? offer : answer;
                assertThat(jrtcSdp.lines().filter(l -> l.startsWith("a=candidate:")))
                        .as(jrtcSdp).isNotEmpty().allMatch(l -> l.contains(" typ relay "));
                offerer.awaitChannelOpen("via-turn", WAIT);
                answerer.awaitChannelOpen("via-turn", WAIT);

                offerer.sendText("via-turn", "from the offerer");
                assertThat(answerer.awaitMessage("via-turn", WAIT).text()).isEqualTo("from the offerer");
                byte[] binary = new byte[60_000];
                new Random(9).nextBytes(binary);
                answerer.sendBinary("via-turn", binary);
                assertThat(offerer.awaitMessage("via-turn", WAIT).data()).isEqualTo(binary);

                RTCStatsReport report = jrtc.peerConnection().getStats().get(10, TimeUnit.SECONDS);
                RTCStats transport = report.ofType("transport").get(0);
                RTCStats selected = report.get((String) transport.get("selectedCandidatePairId"));
                RTCStats local = report.get((String) selected.get("localCandidateId"));
                assertThat(local.get("candidateType")).isEqualTo("relay");
                assertThat(local.get("relayProtocol")).isEqualTo(via);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\njrtc log: " + jrtc.log() + "\n" + other.name()
                        + " log: " + other.log() + "\nturnserver log:\n" + coturn.log(), e);
            }
        }
    }

    private static String turnUrl(CoturnServer coturn, String transport) {
        return switch (transport) {
            case "tls" -> "turns:198.18.0.1:" + coturn.tlsAddress().getPort();
            case "tcp" -> "turn:198.18.0.1:" + coturn.address().getPort() + "?transport=tcp";
            default -> "turn:198.18.0.1:" + coturn.address().getPort();
        };
    }
}
