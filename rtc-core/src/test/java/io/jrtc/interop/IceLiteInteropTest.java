package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.pc.IceSettings;
import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RtcEngineSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * jrtc as an ICE-lite agent (RFC 8445 §2.5, issue 9) against real full agents, headless Chromium and aiortc, in
 * both offer/answer roles: our SDP says {@code a=ice-lite}, the full agent takes control and nominates (we keep the
 * controlled role even as offerer), and a data channel carries messages both ways.
 */
class IceLiteInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @ParameterizedTest(name = "lite jrtc {0} to {1}")
    @CsvSource({"answers, chromium", "offers, chromium", "answers, aiortc", "offers, aiortc"})
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aFullPeerConnectsToOurLiteAgentAndDataFlows(String liteRole, String fullName) {
        RtcEngineSettings lite = RtcEngineSettings.defaults().withIce(IceSettings.defaults().withLite(true));
        try (JrtcPeer jrtc = new JrtcPeer(new RTCConfiguration(), lite);
             InteropPeer full = fullName.equals("chromium") ? new ChromiumPeer() : new AiortcPeer()) {
            boolean liteOffers = liteRole.equals("offers");
            InteropPeer offerer = liteOffers ? jrtc : full;
            InteropPeer answerer = liteOffers ? full : jrtc;
            try {
                offerer.createDataChannel("lite", true, null, null, false, null);
                String offer = offerer.createOffer();
                String answer = answerer.acceptOffer(offer);
                offerer.acceptAnswer(answer);
                String ours = liteOffers ? offer : answer;
                assertThat(ours.lines().takeWhile(l -> !l.startsWith("m="))).contains("a=ice-lite");
                offerer.awaitConnectionState("connected", WAIT);
                answerer.awaitConnectionState("connected", WAIT);
                offerer.awaitChannelOpen("lite", WAIT);
                answerer.awaitChannelOpen("lite", WAIT);

                offerer.sendText("lite", "to the answerer");
                answerer.sendText("lite", "to the offerer");

                assertThat(answerer.awaitMessage("lite", WAIT)).isEqualTo(ReceivedMessage.text("to the answerer"));
                assertThat(offerer.awaitMessage("lite", WAIT)).isEqualTo(ReceivedMessage.text("to the offerer"));
                assertThat(jrtc.iceRole()).isEqualTo(RTCIceRole.CONTROLLED);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + String.join("\n", jrtc.log()) + "\n"
                        + String.join("\n", full.log()), e);
            }
        }
    }
}
