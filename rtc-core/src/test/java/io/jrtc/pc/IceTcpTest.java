package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.net.SharedTcpPort;
import io.jrtc.net.SharedTcpPorts;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * ICE-TCP (RFC 6544) between two engines over loopback with UDP out of the picture: the answerer offers a passive
 * candidate on its shared TCP port, the offerer an active one, and neither sees the other's UDP candidates (as if a
 * firewall dropped UDP between them). The connection comes up over a stream the offerer opened and carries data
 * both ways.
 */
class IceTcpTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anActiveClientReachesAPassiveAnswererOverTcpAndTheirDataChannelCarriesMessages() throws Exception {
        try (RtcEngine server = RtcEngine.create(RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK))
                .withSharedTcpPort(0));
             RtcEngine clients = RtcEngine.create(RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK))
                     .withActiveTcpCandidates(true))) {
            RTCPeerConnection offerer = clients.newPeerConnection(new RTCConfiguration());
            RTCPeerConnection answerer = server.newPeerConnection(new RTCConfiguration());
            RTCDataChannel channel = offerer.createDataChannel("over-tcp");
            List<String> atAnswerer = new CopyOnWriteArrayList<>();
            List<String> atOfferer = new CopyOnWriteArrayList<>();
            channel.onMessage(m -> atOfferer.add(m.text()));
            answerer.onDataChannel(remote -> remote.onMessage(m -> {
                atAnswerer.add(m.text());
                remote.send("echo " + m.text());
            }));

            negotiateWithoutUdp(offerer, answerer).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DataChannelLoopbackTest.awaitOpen(channel);
            for (int i = 0; i < 20; i++) {
                channel.send("message " + i);
            }
            await().atMost(WAIT).until(() -> atOfferer.size() == 20);

            assertThat(atAnswerer).hasSize(20).startsWith("message 0");
            assertThat(atOfferer).endsWith("echo message 19");
            SharedTcpPort port = tcpPort(server);
            assertThat(selectedLocalCandidate(offerer).get("protocol")).isEqualTo("tcp");
            assertThat(selectedLocalCandidate(offerer).get("tcpType")).isEqualTo("active");
            assertThat(selectedLocalCandidate(answerer).get("protocol")).isEqualTo("tcp");
            assertThat(selectedLocalCandidate(answerer).get("port")).isEqualTo(port.localAddress().getPort());
            assertThat(answerer.getLocalDescription().sdp())
                    .contains(" tcp ", " " + port.localAddress().getPort() + " typ host tcptype passive");
            assertThat(offerer.getLocalDescription().sdp()).contains(" 9 typ host tcptype active");

            PeerPair.await(offerer.close());
            PeerPair.await(answerer.close());
            await().atMost(Duration.ofSeconds(10)).until(() -> port.openStreams() == 0);
            assertThat(port.attachedConnections()).isZero();
            assertThat(port.routingKeys()).isZero();
        }
    }

    private static RTCStats selectedLocalCandidate(RTCPeerConnection pc) {
        RTCStatsReport report = PeerPair.await(pc.getStats());
        String pairId = (String) report.ofType("transport").get(0).get("selectedCandidatePairId");
        assertThat(pairId).as("a selected pair").isNotNull();
        return report.get((String) report.get(pairId).get("localCandidateId"));
    }

    static SharedTcpPort tcpPort(RtcEngine engine) {
        SharedTcpPorts ports = engine.core().sharedTcpPorts();
        assertThat(ports.openPorts()).hasSize(1);
        return ports.openPorts().get(0);
    }

    /** Offer/answer with every UDP candidate taken out of both descriptions: only TCP pairs are left to check. */
    static CompletableFuture<Void> negotiateWithoutUdp(RTCPeerConnection offerer, RTCPeerConnection answerer) {
        return offerer.setLocalDescription()
                .thenCompose(v -> offerer.gatheringComplete())
                .thenCompose(v -> answerer.setRemoteDescription(withoutUdp(offerer.getLocalDescription())))
                .thenCompose(v -> answerer.setLocalDescription())
                .thenCompose(v -> answerer.gatheringComplete())
                .thenCompose(v -> offerer.setRemoteDescription(withoutUdp(answerer.getLocalDescription())));
    }

    private static RTCSessionDescription withoutUdp(RTCSessionDescription description) {
        String sdp = description.sdp().lines()
                .filter(l -> !(l.startsWith("a=candidate:") && l.split(" ")[2].equalsIgnoreCase("udp")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        assertThat(sdp).contains(" tcp ");
        return new RTCSessionDescription(sdp, description.type());
    }
}
