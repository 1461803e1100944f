package io.jrtc.pc;

import static io.jrtc.pc.PeerPair.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's packet cannon, over real sockets in the test namespace: a peer signals candidates at 127.0.0.1 (with
 * loopback gathering off) and at 169.254.169.254 (the cloud metadata address, bound on {@code lo} here), and a
 * socket listens at each; neither may receive a single datagram while our agent checks its other candidates. A
 * third listener at 198.18.0.2, a private range the engine's default allows, receives checks: the proof that the
 * candidates were signalled and checked at all. With no private range allowed, it receives none either.
 */
class CheckDestinationsOverSocketsTest {
    private static final InetAddress METADATA = address("169.254.169.254");

    @BeforeAll
    static void bindTheLinkLocalAddressOnLoopback() throws Exception {
        // The test JVM runs as root inside the test namespace (scripts/test-netns.sh). The address outlives the JVM
        // there, so an earlier run may have added it: iproute2 then says "File exists" or "Address already assigned".
        Process ip = new ProcessBuilder("ip", "addr", "add", "169.254.169.254/32", "dev", "lo")
                .redirectErrorStream(true).start();
        String output = new String(ip.getInputStream().readAllBytes());
        ip.waitFor();
        assertThat(output).satisfiesAnyOf(o -> assertThat(o).isBlank(),
                o -> assertThat(o).containsAnyOf("File exists", "Address already assigned"));
    }

    @Test
    void noDatagramReachesLoopbackOrLinkLocalCandidatesWhileAllowedOnesAreChecked() throws Exception {
        try (DatagramSocket loopback = listener(InetAddress.getLoopbackAddress());
             DatagramSocket metadata = listener(METADATA);
             DatagramSocket lan = listener(address("198.18.0.2"));
             RtcEngine engine = RtcEngine.create(RtcEngineSettings.defaults())) {
            RTCPeerConnection answerer = signalCandidates(engine, loopback, metadata, lan);

            assertThat(receiveFor(lan, 3_000)).as("checks to the allowed 198.18.0.2").isPositive();
            assertThat(receiveFor(loopback, 500)).as("datagrams to 127.0.0.1").isZero();
            assertThat(receiveFor(metadata, 500)).as("datagrams to 169.254.169.254").isZero();
            RTCStats transport = await(answerer.getStats()).ofType("transport").get(0);
            assertThat((Long) transport.get("iceFilteredDestinations")).as("the refused, in the transport stats")
                    .isPositive();
            assertThat(transport.get("dtlsStrangerDatagrams")).isEqualTo(0L);
        }
    }

    @Test
    void withNoPrivateRangeAllowedNotEvenThePrivateCandidateIsChecked() throws Exception {
        RtcEngineSettings publicOnly = RtcEngineSettings.defaults()
                .withIce(IceSettings.defaults().withAllowedPrivateDestinations(List.of()));
        try (DatagramSocket loopback = listener(InetAddress.getLoopbackAddress());
             DatagramSocket metadata = listener(METADATA);
             DatagramSocket lan = listener(address("198.18.0.2"));
             RtcEngine engine = RtcEngine.create(publicOnly)) {
            signalCandidates(engine, loopback, metadata, lan);

            assertThat(receiveFor(lan, 3_000)).as("datagrams to 198.18.0.2").isZero();
            assertThat(receiveFor(loopback, 200)).as("datagrams to 127.0.0.1").isZero();
            assertThat(receiveFor(metadata, 200)).as("datagrams to 169.254.169.254").isZero();
        }
    }

    /** Answers an offer from another engine whose only candidates are the listeners, so checks start at once. */
    private static RTCPeerConnection signalCandidates(RtcEngine engine, DatagramSocket... listeners) {
        try (RtcEngine offering = RtcEngine.create(RtcEngineSettings.defaults())) {
            RTCPeerConnection offerer = offering.newPeerConnection(new RTCConfiguration());
            offerer.createDataChannel("probe");
            RTCSessionDescription offer = await(offerer.createOffer());
            String sdp = offer.sdp().lines().filter(l -> !l.startsWith("a=candidate"))
                    .collect(Collectors.joining("\r\n", "", "\r\n"));
            String mid = sdp.lines().filter(l -> l.startsWith("a=mid:")).findFirst().orElseThrow().substring(6);
            RTCPeerConnection answerer = engine.newPeerConnection(new RTCConfiguration());
            await(answerer.setRemoteDescription(new RTCSessionDescription(sdp, RTCSdpType.OFFER)));
            int foundation = 1;
            for (DatagramSocket listener : listeners) {
                InetSocketAddress at = (InetSocketAddress) listener.getLocalSocketAddress();
                String line = "candidate:" + foundation++ + " 1 udp 2122260223 " + at.getAddress().getHostAddress()
                        + " " + at.getPort() + " typ host generation 0";
                await(answerer.addIceCandidate(new RTCIceCandidate(line, mid, 0)));
            }
            await(answerer.setLocalDescription());
            return answerer;
        }
    }

    private static DatagramSocket listener(InetAddress address) throws IOException {
        return new DatagramSocket(new InetSocketAddress(address, 0));
    }

    /** Datagrams that arrive within {@code millis}. */
    private static int receiveFor(DatagramSocket socket, long millis) throws IOException {
        long end = System.nanoTime() + millis * 1_000_000;
        int count = 0;
        byte[] buffer = new byte[2048];
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return count;
            }
            socket.setSoTimeout((int) left);
            try {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                count++;
            } catch (SocketTimeoutException e) {
                return count;
            }
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
