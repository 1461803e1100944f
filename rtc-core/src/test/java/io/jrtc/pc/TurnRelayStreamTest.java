package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.net.TlsClientSettings;
import io.jrtc.pc.internal.transport.TurnRelays;
import io.jrtc.turn.CoturnServer;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peer connections through a real coturn whose client leg is TCP ({@code turn:...?transport=tcp}) or TLS
 * ({@code turns:}, RFC 8656 §3.1): relayed candidates as over UDP, data across the relay, the client leg in the
 * candidate's stats as relayProtocol; an untrusted certificate gives no candidate, and losing the connection ends
 * the allocation without disturbing the connection's other pairs.
 */
class TurnRelayStreamTest {
    @TempDir
    Path dir;
    private CoturnServer coturn;
    private RtcEngine engine;
    private Function<String, TlsClientSettings> systemTrust;

    @BeforeEach
    void setUp() throws Exception {
        coturn = new CoturnServer(dir, InetAddress.getLoopbackAddress(), true);
        engine = RtcEngine.create(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(InetAddress.getLoopbackAddress())));
        systemTrust = TurnRelays.tlsSettings();
    }

    @AfterEach
    void tearDown() throws Exception {
        TurnRelays.useTlsSettings(systemTrust);
        engine.close();
        coturn.close();
    }

    private void trustCoturn() {
        TurnRelays.useTlsSettings(host -> TlsClientSettings.trusting(host, coturn.certificate()));
    }

    @ParameterizedTest(name = "offerer over {0}, answerer over udp")
    @ValueSource(strings = {"tcp", "tls"})
    void relayOnlyPeersConnectThroughCoturnOneOverAStream(String transport) throws Exception {
        trustCoturn();
        RTCIceServer stream = transport.equals("tls")
                ? turnServer("turns:127.0.0.1:" + coturn.tlsAddress().getPort())
                : turnServer("turn:127.0.0.1:" + coturn.address().getPort() + "?transport=tcp");
        RTCPeerConnection offerer = engine.newPeerConnection(relayOnly(stream));
        RTCPeerConnection answerer = engine.newPeerConnection(relayOnly(
                turnServer("turn:127.0.0.1:" + coturn.address().getPort())));
        try {
            answerer.onDataChannel(channel -> channel.onMessage(message -> channel.send(message.data())));
            RTCDataChannel channel = offerer.createDataChannel("through-turn-" + transport);
            LinkedBlockingQueue<RTCDataChannelMessage> echoes = new LinkedBlockingQueue<>();
            channel.onMessage(echoes::add);
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));

            connect(offerer, answerer);
            await(open);

            assertThat(offerer.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=candidate:")))
                    .isNotEmpty().allMatch(l -> l.contains(" typ relay raddr "));
            byte[] binary = new byte[50_000];
            new Random(5).nextBytes(binary);
            channel.send(binary);
            RTCDataChannelMessage echo = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(echo).isNotNull();
            assertThat(echo.data()).isEqualTo(binary);

            assertThat(selectedLocalCandidate(offerer).get("relayProtocol")).isEqualTo(transport);
            assertThat(selectedLocalCandidate(offerer).get("candidateType")).isEqualTo("relay");
            assertThat(selectedLocalCandidate(answerer).get("relayProtocol")).isEqualTo("udp");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nturnserver log:\n" + coturn.log(), e);
        } finally {
            await(offerer.close());
            await(answerer.close());
        }
    }

    @Test
    void anUntrustedTurnsCertificateGivesNoRelayCandidateButGatheringCompletes() throws Exception {
        RTCPeerConnection pc = engine.newPeerConnection(relayOnly(
                turnServer("turns:127.0.0.1:" + coturn.tlsAddress().getPort())));
        pc.createDataChannel("never");

        await(pc.setLocalDescription());
        await(pc.gatheringComplete());

        assertThat(pc.getLocalDescription().sdp()).doesNotContain("a=candidate:").contains("a=end-of-candidates");
        await(pc.close());
    }

    @Test
    void aServerWhoseStreamLosesItsFramingIsDroppedAndGatheringCompletes() throws Exception {
        try (java.net.ServerSocket garbage = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (java.net.Socket client = garbage.accept()) {
                    client.getInputStream().read(new byte[20]);
                    // A TLS alert where a STUN answer belongs: the framer cannot resynchronise.
                    client.getOutputStream().write(new byte[] {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28});
                    client.getInputStream().read();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            RTCPeerConnection pc = engine.newPeerConnection(relayOnly(
                    turnServer("turn:127.0.0.1:" + garbage.getLocalPort() + "?transport=tcp")));
            pc.createDataChannel("never");

            await(pc.setLocalDescription());
            await(pc.gatheringComplete());

            assertThat(pc.getLocalDescription().sdp()).doesNotContain("a=candidate:");
            served.get(5, TimeUnit.SECONDS);
            await(pc.close());
        }
    }

    @Test
    void losingTheTurnConnectionEndsTheAllocationAndTheHostPairCarriesOn() throws Exception {
        trustCoturn();
        RTCPeerConnection offerer = engine.newPeerConnection(new RTCConfiguration(List.of(
                turnServer("turns:127.0.0.1:" + coturn.tlsAddress().getPort()))));
        RTCPeerConnection answerer = engine.newPeerConnection(new RTCConfiguration());
        try {
            answerer.onDataChannel(channel -> channel.onMessage(message -> channel.send(message.text())));
            RTCDataChannel channel = offerer.createDataChannel("host-pair");
            LinkedBlockingQueue<RTCDataChannelMessage> echoes = new LinkedBlockingQueue<>();
            channel.onMessage(echoes::add);
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));
            connect(offerer, answerer);
            await(open);
            assertThat(offerer.getLocalDescription().sdp()).contains(" typ relay ");
            assertThat(relayProtocols(offerer)).containsExactly("tls");

            coturn.close();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!relayProtocols(offerer).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(relayProtocols(offerer)).as("the lost allocation is no longer a relay of ours").isEmpty();
            channel.send("still here");
            RTCDataChannelMessage echo = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(echo).isNotNull();
            assertThat(echo.text()).isEqualTo("still here");
        } finally {
            await(offerer.close());
            await(answerer.close());
        }
    }

    private static void connect(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        await(offerer.setLocalDescription());
        await(offerer.gatheringComplete());
        await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        await(answerer.setLocalDescription());
        await(answerer.gatheringComplete());
        await(offerer.setRemoteDescription(answerer.getLocalDescription()));
    }

    private static List<Object> relayProtocols(RTCPeerConnection pc) throws Exception {
        return await(pc.getStats()).ofType("local-candidate").stream()
                .map(c -> c.get("relayProtocol")).filter(p -> p != null).toList();
    }

    private static RTCStats selectedLocalCandidate(RTCPeerConnection pc) throws Exception {
        RTCStatsReport report = await(pc.getStats());
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats selected = report.get((String) transport.get("selectedCandidatePairId"));
        return report.get((String) selected.get("localCandidateId"));
    }

    private static RTCConfiguration relayOnly(RTCIceServer server) {
        return new RTCConfiguration(List.of(server)).withIceTransportPolicy(RTCIceTransportPolicy.RELAY);
    }

    private static RTCIceServer turnServer(String url) {
        return new RTCIceServer(url, CoturnServer.USER, CoturnServer.PASSWORD);
    }
}
