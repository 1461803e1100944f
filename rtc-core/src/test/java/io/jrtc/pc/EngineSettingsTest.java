package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The knobs of RtcEngineSettings reach every connection the engine makes, through the public API only. */
class EngineSettingsTest {

    @Test
    void iceLimitsAndTimeoutsOfTheEngineGovernItsTransports() {
        IceSettings ice = IceSettings.defaults().withLimits(3, 100)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
        try (VirtualTimeEngine kit = new VirtualTimeEngine(3, settings -> settings.withIce(ice))) {
            RTCIceGatherer gatherer = new RTCIceGatherer(kit.engine, List.of());
            kit.await(gatherer.gather());
            RTCIceTransport transport = new RTCIceTransport(gatherer);
            transport.setRole(RTCIceRole.CONTROLLING);
            for (int i = 0; i < 20; i++) {
                // addresses nobody is bound on: checks to them never succeed
                kit.await(transport.addRemoteCandidate(new RTCIceCandidate("candidate:" + i
                        + " 1 udp 2130706431 192.0.2.9 " + (9 + i) + " typ host", "0", 0, null)));
            }
            kit.await(transport.addRemoteCandidate(null));
            assertThat(transport.getRemoteCandidates()).hasSize(3);

            transport.start(new RTCIceParameters("abcd", "0123456789012345678901", false));
            Duration failedAfter = kit.runUntil(() -> transport.getState() == RTCIceTransportState.FAILED,
                    Duration.ofSeconds(40));
            // the configured second, not the default 30 s, makes it fail: measured on the engine's virtual clock
            assertThat(failedAfter).isBetween(Duration.ofMillis(900), Duration.ofMillis(1_100));
        }
    }

    @Test
    void theDataMLineAnnouncesTheEnginesMaxMessageSize() throws Exception {
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress()))
                .withSctp(SctpSettings.defaults().withMaxMessageSize(65536)))) {
            RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration());
            pc.createDataChannel("chat");
            String offer = pc.createOffer().get(5, TimeUnit.SECONDS).sdp();
            assertThat(offer).contains("a=max-message-size:65536\r\n");
            pc.close().get(5, TimeUnit.SECONDS);
        }
    }
}
