package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.net.TlsClientSettings;
import io.jrtc.pc.internal.transport.TurnRelays;
import io.jrtc.turn.CoturnServer;
import io.jrtc.turn.SelfSignedCertificate;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Peer connections relayed through coturn's DTLS listener ({@code turns:...?transport=udp}, RFC 7065 §3): the
 * offerer allocates over DTLS, the answerer over plain UDP, both relay-only, and data crosses the relay; a
 * certificate outside the trust store gives no relayed candidate, gathering still completes, and the warning says
 * why.
 */
class TurnRelayDtlsTest {
    @TempDir
    Path dir;
    @TempDir
    Path otherDir;
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

    @Test
    void relayOnlyPeersConnectThroughCoturnOneOverDtls() throws Exception {
        TurnRelays.useTlsSettings(host -> TlsClientSettings.trusting(host, coturn.certificate()));
        RTCPeerConnection offerer = engine.newPeerConnection(relayOnly(dtlsServer()));
        RTCPeerConnection answerer = engine.newPeerConnection(relayOnly(
                server("turn:127.0.0.1:" + coturn.address().getPort())));
        try {
            answerer.onDataChannel(channel -> channel.onMessage(message -> channel.send(message.data())));
            RTCDataChannel channel = offerer.createDataChannel("through-turn-dtls");
            LinkedBlockingQueue<RTCDataChannelMessage> echoes = new LinkedBlockingQueue<>();
            channel.onMessage(echoes::add);
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));

            connect(offerer, answerer);
            await(open);

            assertThat(offerer.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=candidate:")))
                    .isNotEmpty().allMatch(l -> l.contains(" typ relay raddr "));
            byte[] binary = new byte[50_000];
            new Random(9).nextBytes(binary);
            channel.send(binary);
            RTCDataChannelMessage echo = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(echo).isNotNull();
            assertThat(echo.data()).isEqualTo(binary);
            assertThat(selectedLocalCandidate(offerer).get("relayProtocol")).isEqualTo("dtls");
            assertThat(selectedLocalCandidate(answerer).get("relayProtocol")).isEqualTo("udp");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nturnserver log:\n" + coturn.log(), e);
        } finally {
            await(offerer.close());
            await(answerer.close());
        }
    }

    @Test
    void aCertificateOutsideTheTrustStoreGivesNoRelayCandidateAndAWarningThatSaysWhy() throws Exception {
        var stranger = SelfSignedCertificate.create(otherDir, "127.0.0.1");
        TurnRelays.useTlsSettings(host -> TlsClientSettings.trusting(host, stranger));
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(TurnRelays.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (warnings) {
                    warnings.add(java.text.MessageFormat.format(record.getMessage(),
                            record.getParameters() == null ? new Object[0] : record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            RTCPeerConnection pc = engine.newPeerConnection(relayOnly(dtlsServer()));
            pc.createDataChannel("never");

            await(pc.setLocalDescription());
            await(pc.gatheringComplete());

            assertThat(pc.getLocalDescription().sdp()).doesNotContain("a=candidate:").contains("a=end-of-candidates");
            synchronized (warnings) {
                assertThat(warnings).anySatisfy(w -> assertThat(w).contains("over dtls")
                        .contains("no relayed candidate").contains("bad_certificate")
                        .contains("certificate of 127.0.0.1 rejected"));
            }
            await(pc.close());
        } finally {
            logger.removeHandler(capture);
        }
    }

    private RTCIceServer dtlsServer() {
        return server("turns:127.0.0.1:" + coturn.tlsAddress().getPort() + "?transport=udp");
    }

    private static void connect(RTCPeerConnection offerer, RTCPeerConnection answerer) throws Exception {
        await(offerer.setLocalDescription());
        await(offerer.gatheringComplete());
        await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        await(answerer.setLocalDescription());
        await(answerer.gatheringComplete());
        await(offerer.setRemoteDescription(answerer.getLocalDescription()));
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

    private static RTCIceServer server(String url) {
        return new RTCIceServer(url, CoturnServer.USER, CoturnServer.PASSWORD);
    }
}
