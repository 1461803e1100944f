package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.turn.CoturnServer;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Peer connections through a real coturn (RFC 8656 over UDP): with the {@code relay} policy a connection offers
 * only its relayed candidate, ICE selects a pair on it, and DTLS, SCTP and the channel's data all cross the relay.
 */
class TurnRelayTest {
    @TempDir
    java.nio.file.Path dir;

    @ParameterizedTest(name = "answerer relay-only: {0}")
    @ValueSource(booleans = {false, true})
    void aRelayOnlyOffererConnectsThroughCoturnAndItsChannelEchoes(boolean answererRelayOnly) throws Exception {
        try (CoturnServer coturn = new CoturnServer(dir);
             RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                     .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            RTCConfiguration relayOnly = new RTCConfiguration(List.of(turn(coturn)))
                    .withIceTransportPolicy(RTCIceTransportPolicy.RELAY);
            RTCPeerConnection offerer = engine.newPeerConnection(relayOnly);
            RTCPeerConnection answerer = engine.newPeerConnection(answererRelayOnly ? relayOnly
                    : new RTCConfiguration());
            answerer.onDataChannel(channel -> channel.onMessage(message -> {
                if (message.binary()) {
                    channel.send(message.data());
                } else {
                    channel.send(message.text());
                }
            }));
            RTCDataChannel channel = offerer.createDataChannel("through-turn");
            LinkedBlockingQueue<RTCDataChannelMessage> echoes = new LinkedBlockingQueue<>();
            channel.onMessage(echoes::add);
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onOpen(() -> open.complete(null));

            await(offerer.setLocalDescription());
            await(offerer.gatheringComplete());
            String offer = offerer.getLocalDescription().sdp();
            await(answerer.setRemoteDescription(offerer.getLocalDescription()));
            await(answerer.setLocalDescription());
            await(answerer.gatheringComplete());
            await(offerer.setRemoteDescription(answerer.getLocalDescription()));
            await(open);

            assertThat(offer.lines().filter(l -> l.startsWith("a=candidate:")))
                    .as("%s\nturnserver log:\n%s", offer, coturn.log())
                    .isNotEmpty().allMatch(l -> l.contains(" typ relay "));
            channel.send("hello through the relay");
            byte[] binary = new byte[100_000];
            new Random(3).nextBytes(binary);
            channel.send(binary);
            RTCDataChannelMessage text = echoes.poll(10, TimeUnit.SECONDS);
            RTCDataChannelMessage data = echoes.poll(10, TimeUnit.SECONDS);
            assertThat(text).isNotNull();
            assertThat(text.text()).isEqualTo("hello through the relay");
            assertThat(data).isNotNull();
            assertThat(data.data()).isEqualTo(binary);

            RTCStatsReport report = await(offerer.getStats());
            RTCStats transport = report.ofType("transport").get(0);
            RTCStats selected = report.get((String) transport.get("selectedCandidatePairId"));
            assertThat(report.get((String) selected.get("localCandidateId")).get("candidateType"))
                    .isEqualTo("relay");
            await(offerer.close());
            await(answerer.close());
        }
    }

    @Test
    void aWrongTurnPasswordLeavesARelayOnlyConnectionWithoutCandidatesButGatheringCompletes() throws Exception {
        try (CoturnServer coturn = new CoturnServer(dir);
             RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults()
                     .withBindAddresses(List.of(InetAddress.getLoopbackAddress())))) {
            RTCIceServer wrong = new RTCIceServer("turn:127.0.0.1:" + coturn.address().getPort(),
                    CoturnServer.USER, "not-" + CoturnServer.PASSWORD);
            RTCPeerConnection pc = engine.newPeerConnection(new RTCConfiguration(List.of(wrong))
                    .withIceTransportPolicy(RTCIceTransportPolicy.RELAY));
            pc.createDataChannel("never");

            await(pc.setLocalDescription());
            await(pc.gatheringComplete());

            assertThat(pc.getLocalDescription().sdp()).doesNotContain("a=candidate:").contains("a=end-of-candidates");
            assertThat(pc.getIceGatheringState()).isEqualTo(RTCIceGatheringState.COMPLETE);
            await(pc.close());
        }
    }

    private static RTCIceServer turn(CoturnServer coturn) {
        return new RTCIceServer("turn:127.0.0.1:" + coturn.address().getPort(), CoturnServer.USER,
                CoturnServer.PASSWORD);
    }
}
