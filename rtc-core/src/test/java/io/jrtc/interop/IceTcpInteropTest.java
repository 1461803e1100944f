package io.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCStats;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.RtcEngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ICE-TCP (RFC 6544) with Chromium where UDP between the two is dropped ({@link UdpBlockedAddress}): jrtc answers
 * on an address no datagram reaches, with a passive TCP candidate on its shared TCP port; Chromium's active
 * candidate opens a stream there, and the connection carries a data channel and Chromium's camera, which jrtc sends
 * back and Chromium decodes.
 */
class IceTcpInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void chromiumConnectsOverTcpWhenUdpIsDroppedAndGetsDataAndVideoThrough() throws Exception {
        try (UdpBlockedAddress blocked = UdpBlockedAddress.create();
             ChromiumPeer chromium = new ChromiumPeer();
             JrtcPeer jrtc = new JrtcPeer(new RTCConfiguration(), RtcEngineSettings.defaults()
                     .withBindAddresses(List.of(blocked.address())).withSharedTcpPort(0))) {
            try {
                chromium.addCameraTrack();
                chromium.createDataChannel("over-tcp", true, null, null, false, null);
                jrtc.echoVideo("video/VP8");
                String answer = jrtc.acceptOffer(chromium.createOffer());
                chromium.acceptAnswer(answer);
                assertThat(answer).contains(" tcp ").contains("typ host tcptype passive");

                jrtc.awaitConnectionState("connected", WAIT);
                chromium.awaitConnectionState("connected", WAIT);
                jrtc.enableEcho("over-tcp");
                chromium.awaitChannelOpen("over-tcp", WAIT);
                chromium.sendText("over-tcp", "hello over tcp");
                assertThat(chromium.awaitMessage("over-tcp", WAIT).text()).isEqualTo("hello over tcp");
                await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    ScriptedPeer.VideoReport video = chromium.videoStats();
                    assertThat(video.framesDecoded()).isGreaterThanOrEqualTo(30);
                    assertThat(video.width()).isEqualTo(640);
                    assertThat(video.height()).isEqualTo(480);
                });

                RTCStatsReport report = jrtc.peerConnection().getStats().get(5, TimeUnit.SECONDS);
                String pairId = (String) report.ofType("transport").get(0).get("selectedCandidatePairId");
                RTCStats local = report.get((String) report.get(pairId).get("localCandidateId"));
                assertThat(local.get("protocol")).isEqualTo("tcp");
                assertThat(local.get("tcpType")).isEqualTo("passive");
                assertThat(blocked.droppedDatagrams()).as("Chromium tried UDP, and the rule dropped it")
                        .isPositive();
                System.out.printf("chromium over ICE-TCP: %s, %d UDP datagrams dropped%n", chromium.videoStats(),
                        blocked.droppedDatagrams());
            } catch (AssertionError | RuntimeException e) {
                StringBuilder logs = new StringBuilder(e.getMessage() == null ? "" : e.getMessage());
                for (InteropPeer peer : List.<InteropPeer>of(chromium, jrtc)) {
                    logs.append("\n--- log of ").append(peer.name()).append(" ---\n");
                    peer.log().forEach(line -> logs.append(line).append('\n'));
                }
                throw new AssertionError(logs.toString(), e);
            }
        }
    }
}
