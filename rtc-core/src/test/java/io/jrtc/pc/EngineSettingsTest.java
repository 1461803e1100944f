package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The knobs of RtcEngineSettings reach every connection the engine makes, through the public API only. */
class EngineSettingsTest {

    @Test
    void iceLimitsAndTimeoutsOfTheEngineGovernItsTransports() throws Exception {
        IceSettings ice = IceSettings.defaults().withLimits(3, 100)
                .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(1));
        try (RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())).withIce(ice))) {
            RTCIceGatherer gatherer = new RTCIceGatherer(engine, List.of());
            gatherer.gather().get(5, TimeUnit.SECONDS);
            RTCIceTransport transport = new RTCIceTransport(gatherer);
            transport.setRole(RTCIceRole.CONTROLLING);
            for (int i = 0; i < 20; i++) {
                // ports nobody listens on: checks to them never succeed
                transport.addRemoteCandidate(new RTCIceCandidate("candidate:" + i + " 1 udp 2130706431 127.0.0.1 "
                        + (9 + i) + " typ host", "0", 0, null)).get(5, TimeUnit.SECONDS);
            }
            transport.addRemoteCandidate(null).get(5, TimeUnit.SECONDS);
            assertThat(transport.getRemoteCandidates()).hasSize(3);

            transport.start(new RTCIceParameters("abcd", "0123456789012345678901", false));
            // the configured second, not the default 30 s, makes it fail
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> transport.getState() == RTCIceTransportState.FAILED);
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
