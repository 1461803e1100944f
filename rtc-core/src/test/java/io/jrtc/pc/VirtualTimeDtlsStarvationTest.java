package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.net.DatagramEndpoint;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.net.PortRange;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * DTLS under peers that pass ICE and then never speak, and under strangers' records (issue 8, item 5), on virtual
 * time: 200 ICE-connected endpoints whose peer never sends a ClientHello take no handshake thread and fail 30 s after
 * their handshake was due (the default deadline, counted from then), while a real pair connects beside them; a
 * stranger's ClientHello and fatal alert, sent between ICE connected and DTLS connected, are dropped.
 */
class VirtualTimeDtlsStarvationTest {
    private static final int IDLE = 200;
    private static final InetAddress STRANGER = VirtualTimeEngine.address("192.0.2.66");

    @Test
    void idleEndpointsHoldNoThreadAndFailOnTimeWhileARealPairConnects() throws Exception {
        try (VirtualTimeEngine kit = new VirtualTimeEngine(8, settings -> settings)) {
            DtlsSettings dtls = kit.engine.settings().dtls();
            assertThat(dtls.handshakeTimeout()).isEqualTo(DtlsSettings.defaults().handshakeTimeout());
            ThreadPoolExecutor pool = (ThreadPoolExecutor) kit.engine.core().handshakeExecutor();
            RTCCertificate certificate = RTCCertificate.generateCertificate();
            List<RTCDtlsTransport> idle = new ArrayList<>();
            List<CompletableFuture<Void>> iceUp = new ArrayList<>();
            for (int i = 0; i < IDLE; i++) {
                IcePair ice = IcePair.connect(kit);
                iceUp.add(ice.started);
                RTCDtlsTransport server = new RTCDtlsTransport(ice.controlling, List.of(certificate));
                // The remote is the DTLS client, so we wait for its ClientHello: it never comes.
                server.start(new RTCDtlsParameters(certificate.getFingerprints(), RTCDtlsRole.CLIENT));
                idle.add(server);
            }
            kit.await(CompletableFuture.allOf(iceUp.toArray(CompletableFuture[]::new)));
            kit.runUntil(() -> idle.stream().allMatch(t -> t.getState() == RTCDtlsTransportState.CONNECTING),
                    Duration.ofSeconds(5));
            Duration allWaiting = kit.virtualTime();
            int peakThreads = dtlsThreads();

            RTCPeerConnection offerer = kit.engine.newPeerConnection(new RTCConfiguration());
            RTCPeerConnection answerer = kit.engine.newPeerConnection(new RTCConfiguration());
            Duration pairStart = kit.virtualTime();
            long realStart = System.nanoTime();
            negotiate(kit, offerer, answerer);
            kit.runUntil(() -> offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED
                    && answerer.getConnectionState() == RTCPeerConnectionState.CONNECTED, Duration.ofSeconds(5));
            Duration pairConnect = kit.virtualTime().minus(pairStart);
            long pairRealMillis = (System.nanoTime() - realStart) / 1_000_000;
            peakThreads = Math.max(peakThreads, dtlsThreads());
            assertThat(idle).allMatch(t -> t.getState() == RTCDtlsTransportState.CONNECTING);

            kit.runUntil(() -> idle.stream().allMatch(t -> t.getState() == RTCDtlsTransportState.FAILED),
                    Duration.ofSeconds(35));
            Duration idleFailed = kit.virtualTime().minus(allWaiting);
            peakThreads = Math.max(peakThreads, dtlsThreads());

            System.out.printf("{\"test\":\"dtls-starvation\",\"idleEndpoints\":%d,\"pairConnectVirtualMillis\":%d,"
                            + "\"pairConnectRealMillis\":%d,\"idleFailedAfterVirtualMillis\":%d,"
                            + "\"dtlsThreadsPeak\":%d,\"poolLargest\":%d,\"poolBound\":%d}%n",
                    IDLE, pairConnect.toMillis(), pairRealMillis, idleFailed.toMillis(), peakThreads,
                    pool.getLargestPoolSize(), dtls.handshakeThreads());
            assertThat(pairConnect).isLessThan(Duration.ofSeconds(5));
            // The deadline counts from when each handshake was due, all within the first virtual seconds.
            assertThat(idleFailed).isLessThanOrEqualTo(Duration.ofSeconds(35))
                    .isGreaterThanOrEqualTo(dtls.handshakeTimeout().minus(allWaiting));
            assertThat(pool.getLargestPoolSize()).as("only the real pair ever took handshake threads")
                    .isLessThanOrEqualTo(2);
            assertThat(peakThreads).isLessThanOrEqualTo(dtls.handshakeThreads());
            assertThat(offerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
        }
    }

    @Test
    void aStrangersClientHelloAndFatalAlertDoNotStopTheConnection() throws Exception {
        try (VirtualTimeEngine kit = new VirtualTimeEngine(12, settings -> settings)) {
            IcePair ice = IcePair.connect(kit);
            kit.await(ice.started);
            DatagramEndpoint stranger = kit.network.bind(kit.engine.core().loops().all().get(0), STRANGER,
                    PortRange.EPHEMERAL, (DatagramReceiver) (endpoint, sender, data, length) -> { }).get();
            RTCCertificate serverCertificate = RTCCertificate.generateCertificate();
            RTCCertificate clientCertificate = RTCCertificate.generateCertificate();
            RTCDtlsTransport server = new RTCDtlsTransport(ice.controlling, List.of(serverCertificate));
            RTCDtlsTransport client = new RTCDtlsTransport(ice.controlled, List.of(clientCertificate));
            byte[] hello = HostileDatagramsTest.genuineClientHello();
            byte[] alert = fatalAlert();
            InetSocketAddress serverAddress = address(ice.controlling.getIceGatherer());
            InetSocketAddress clientAddress = address(ice.controlled.getIceGatherer());

            // The server waits for a ClientHello; the stranger's comes first, with an alert.
            CompletableFuture<Void> serverUp = server.start(new RTCDtlsParameters(clientCertificate.getFingerprints(),
                    RTCDtlsRole.CLIENT));
            kit.runUntil(() -> server.getState() == RTCDtlsTransportState.CONNECTING, Duration.ofSeconds(1));
            stranger.send(serverAddress, hello, 0, hello.length);
            stranger.send(serverAddress, alert, 0, alert.length);
            stranger.send(clientAddress, alert, 0, alert.length);
            stranger.flush();
            kit.runFor(Duration.ofMillis(200));
            // The client has sent its ClientHello when the stranger's alert reaches it.
            CompletableFuture<Void> clientUp = client.start(new RTCDtlsParameters(serverCertificate.getFingerprints(),
                    RTCDtlsRole.SERVER));
            stranger.send(clientAddress, alert, 0, alert.length);
            stranger.send(serverAddress, alert, 0, alert.length);
            stranger.flush();

            kit.await(CompletableFuture.allOf(serverUp, clientUp));
            assertThat(server.getState()).isEqualTo(RTCDtlsTransportState.CONNECTED);
            assertThat(client.getState()).isEqualTo(RTCDtlsTransportState.CONNECTED);
            assertThat(server.core().dtls().strangerDatagrams()).isGreaterThanOrEqualTo(3);
            assertThat(client.core().dtls().strangerDatagrams()).isGreaterThanOrEqualTo(2);
            stranger.close();
        }
    }

    /** Two ICE transports of the kit's engine, checks started: the controlling one is ours under test. */
    private record IcePair(RTCIceTransport controlling, RTCIceTransport controlled, CompletableFuture<Void> started) {
        static IcePair connect(VirtualTimeEngine kit) {
            RTCIceGatherer ours = new RTCIceGatherer(kit.engine, List.of());
            RTCIceGatherer theirs = new RTCIceGatherer(kit.engine, List.of());
            kit.await(ours.gather());
            kit.await(theirs.gather());
            RTCIceTransport controlling = new RTCIceTransport(ours);
            RTCIceTransport controlled = new RTCIceTransport(theirs);
            controlling.setRole(RTCIceRole.CONTROLLING);
            controlled.setRole(RTCIceRole.CONTROLLED);
            for (RTCIceCandidate candidate : theirs.getLocalCandidates()) {
                controlling.addRemoteCandidate(candidate);
            }
            controlling.addRemoteCandidate(null);
            for (RTCIceCandidate candidate : ours.getLocalCandidates()) {
                controlled.addRemoteCandidate(candidate);
            }
            CompletableFuture<Void> started = CompletableFuture.allOf(
                    controlling.start(theirs.getLocalParameters()), controlled.start(ours.getLocalParameters()));
            return new IcePair(controlling, controlled, started);
        }
    }

    private static void negotiate(VirtualTimeEngine kit, RTCPeerConnection offerer, RTCPeerConnection answerer) {
        offerer.createDataChannel("real");
        kit.await(offerer.setLocalDescription());
        kit.await(offerer.gatheringComplete());
        kit.await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        kit.await(answerer.setLocalDescription());
        kit.await(answerer.gatheringComplete());
        kit.await(offerer.setRemoteDescription(answerer.getLocalDescription()));
    }

    private static InetSocketAddress address(RTCIceGatherer gatherer) {
        RTCIceCandidate host = gatherer.getLocalCandidates().get(0);
        return new InetSocketAddress(host.getIp(), host.getPort());
    }

    /** An epoch-0 fatal handshake_failure alert (RFC 6347 §4.1, RFC 5246 §7.2). */
    private static byte[] fatalAlert() {
        return new byte[] {21, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2, 40};
    }

    private static int dtlsThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("jrtc-dtls-")).count();
    }
}
