package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.XorAddressAttribute;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * ICE-lite end to end over loopback sockets (RFC 8445 §2.5, issue 9): an engine set lite against a full one, as
 * answerer and as offerer; and our full agent against a lite server's offer from the SDP corpus (LiveKit's), whose
 * candidate points at a scripted lite peer that only answers checks.
 */
class IceLitePeerConnectionTest {
    private static final RtcEngineSettings LOOPBACK = RtcEngineSettings.defaults()
            .withBindAddresses(List.of(InetAddress.getLoopbackAddress()));

    @ParameterizedTest(name = "the lite engine {0}")
    @ValueSource(strings = {"answers", "offers"})
    void aLiteEngineAndAFullOneConnectAndCarryData(String liteSide) {
        try (RtcEngine full = RtcEngine.create(LOOPBACK);
             RtcEngine lite = RtcEngine.create(LOOPBACK.withIce(IceSettings.defaults().withLite(true)))) {
            boolean liteOffers = liteSide.equals("offers");
            RTCPeerConnection offerer = (liteOffers ? lite : full).newPeerConnection(new RTCConfiguration());
            RTCPeerConnection answerer = (liteOffers ? full : lite).newPeerConnection(new RTCConfiguration());
            RTCPeerConnection litePc = liteOffers ? offerer : answerer;
            RTCPeerConnection fullPc = liteOffers ? answerer : offerer;
            RTCDataChannel channel = offerer.createDataChannel("lite");
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            answerer.onDataChannel(remote -> remote.onMessage(m -> received.add(m.text())));

            await(offerer.setLocalDescription());
            await(offerer.gatheringComplete());
            await(answerer.setRemoteDescription(offerer.getLocalDescription()));
            await(answerer.setLocalDescription());
            await(answerer.gatheringComplete());
            await(offerer.setRemoteDescription(answerer.getLocalDescription()));
            DataChannelLoopbackTest.awaitOpen(channel);
            channel.send("through a lite agent");

            assertThat(poll(received)).isEqualTo("through a lite agent");
            assertThat(sessionLines(litePc.getLocalDescription())).contains("a=ice-lite");
            assertThat(sessionLines(fullPc.getLocalDescription())).doesNotContain("a=ice-lite");
            assertThat(iceTransport(fullPc).getRole()).isEqualTo(RTCIceRole.CONTROLLING);
            assertThat(iceTransport(litePc).getRole()).isEqualTo(RTCIceRole.CONTROLLED);
            assertThat(litePc.getIceConnectionState()).isIn(RTCIceConnectionState.CONNECTED,
                    RTCIceConnectionState.COMPLETED);
        }
    }

    @Test
    void asAFullAgentWeControlAndNominateAgainstALiteServersOffer() throws Exception {
        String corpus = corpus("livekit-subscriber-offer.sdp");
        String pwd = attribute(corpus, "ice-pwd");
        try (LitePeer peer = new LitePeer(pwd); RtcEngine engine = RtcEngine.create(LOOPBACK)) {
            String at = "127.0.0.1 " + peer.socket.getLocalPort();
            String offer = corpus.lines().filter(l -> !l.contains(" tcp ")).map(l -> l.replace("203.0.113.120 7882", at))
                    .collect(Collectors.joining("\r\n", "", "\r\n"));
            RTCPeerConnection answerer = engine.newPeerConnection(new RTCConfiguration());

            await(answerer.setRemoteDescription(new RTCSessionDescription(offer, RTCSdpType.OFFER)));
            await(answerer.setLocalDescription());

            await().atMost(Duration.ofSeconds(10)).until(() -> answerer.getIceConnectionState()
                    == RTCIceConnectionState.CONNECTED || answerer.getIceConnectionState()
                    == RTCIceConnectionState.COMPLETED);
            await().atMost(Duration.ofSeconds(5)).until(() -> peer.checks.stream().anyMatch(StunMessage::useCandidate));
            assertThat(peer.checks).allSatisfy(check -> {
                assertThat(check.iceControlling()).as("ICE-CONTROLLING").isNotNull();
                assertThat(check.iceControlled()).isNull();
            });
            assertThat(sessionLines(answerer.getLocalDescription())).doesNotContain("a=ice-lite");
        }
    }

    /** A lite peer: answers each authentic Binding request with success, sends nothing of its own. */
    private static final class LitePeer implements AutoCloseable {
        final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        final List<StunMessage> checks = new CopyOnWriteArrayList<>();
        private final Thread thread;

        LitePeer(String password) throws SocketException {
            byte[] key = StunIntegrity.shortTermKey(password);
            thread = new Thread(() -> {
                byte[] buffer = new byte[2048];
                while (!socket.isClosed()) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        StunMessage request = StunMessage.parse(buffer, 0, packet.getLength());
                        if (request.messageClass() != StunClass.REQUEST || !request.verifyIntegrity(key)) {
                            continue;
                        }
                        checks.add(request);
                        InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
                        byte[] answer = new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE,
                                request.transactionId(), List.of(XorAddressAttribute.xorMappedAddress(from)))
                                .encode(key, true);
                        socket.send(new DatagramPacket(answer, answer.length, from));
                    } catch (IOException | io.jrtc.stun.StunParseException e) {
                        // closed, or not STUN (DTLS after ICE connected): a lite peer without DTLS ignores it
                    }
                }
            }, "lite-peer");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            thread.join(2_000);
        }
    }

    private static RTCIceTransport iceTransport(RTCPeerConnection pc) {
        return pc.getSctp().getTransport().getTransport();
    }

    private static List<String> sessionLines(RTCSessionDescription description) {
        return description.sdp().lines().takeWhile(l -> !l.startsWith("m=")).toList();
    }

    private static String attribute(String sdp, String name) {
        return sdp.lines().filter(l -> l.startsWith("a=" + name + ":")).findFirst().orElseThrow()
                .substring(name.length() + 3);
    }

    private static String corpus(String name) throws IOException {
        try (InputStream in = IceLitePeerConnectionTest.class.getResourceAsStream("/sdp-corpus/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String poll(LinkedBlockingQueue<String> queue) {
        try {
            return queue.poll(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
