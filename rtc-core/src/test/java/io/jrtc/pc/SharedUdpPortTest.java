package io.jrtc.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.net.SharedUdpPort;
import io.jrtc.net.SharedUdpPorts;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared UDP port over real sockets on loopback: many answered connections on one port (one SO_REUSEPORT
 * socket per event loop), each carrying its own data-channel message; offered connections on their own sockets;
 * nothing left routed once the connections close; and a stranger's datagrams reaching no connection.
 */
class SharedUdpPortTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration WAIT = Duration.ofSeconds(180);
    private static final int CONNECTIONS = 200;
    /** Connections negotiated at once: enough to overlap, few enough for a loaded 2-core machine. */
    private static final int WAVE = 25;

    @Test
    void twoHundredAnsweredConnectionsShareOnePortAndEachCarriesItsMessage() throws Exception {
        try (RtcEngine server = RtcEngine.create(serverSettings()); RtcEngine clients = RtcEngine.create(
                RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK)))) {
            Set<String> received = ConcurrentHashMap.newKeySet();
            List<RTCPeerConnection> offerers = new ArrayList<>();
            List<RTCPeerConnection> answerers = new ArrayList<>();
            for (int wave = 0; wave < CONNECTIONS / WAVE; wave++) {
                List<CompletableFuture<Void>> negotiations = new ArrayList<>();
                for (int i = wave * WAVE; i < (wave + 1) * WAVE; i++) {
                    RTCPeerConnection offerer = clients.newPeerConnection(new RTCConfiguration());
                    RTCPeerConnection answerer = server.newPeerConnection(new RTCConfiguration());
                    offerers.add(offerer);
                    answerers.add(answerer);
                    String message = "hello from " + i;
                    RTCDataChannel channel = offerer.createDataChannel("c" + i);
                    channel.onOpen(() -> channel.send(message));
                    answerer.onDataChannel(remote -> remote.onMessage(m -> received.add(m.text())));
                    negotiations.add(negotiate(offerer, answerer));
                }
                CompletableFuture.allOf(negotiations.toArray(CompletableFuture[]::new))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> received.size() == CONNECTIONS);

            Set<Integer> answerPorts = new HashSet<>();
            answerers.forEach(pc -> answerPorts.addAll(hostPorts(pc)));
            Set<Integer> offerPorts = new HashSet<>();
            offerers.forEach(pc -> offerPorts.addAll(hostPorts(pc)));
            SharedUdpPort port = sharedPort(server);
            assertThat(answerPorts).containsExactly(port.localAddress().getPort());
            assertThat(offerPorts).as("offered connections keep their own sockets").hasSize(CONNECTIONS);
            assertThat(port.socketCount()).isEqualTo(server.core().loops().isEpoll()
                    ? server.core().loops().all().size() : 1);
            assertThat(port.attachedConnections()).isEqualTo(CONNECTIONS);

            List<CompletableFuture<Void>> closes = new ArrayList<>();
            answerers.forEach(pc -> closes.add(pc.close()));
            offerers.forEach(pc -> closes.add(pc.close()));
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> port.attachedConnections() == 0);
            assertThat(port.routingKeys()).as("no ufrag or address left routed").isZero();
        }
    }

    @Test
    void aStrangersDatagramsToTheSharedPortReachNoConnection() throws Exception {
        try (RtcEngine server = RtcEngine.create(serverSettings()); RtcEngine clients = RtcEngine.create(
                RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK)));
             DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            RTCPeerConnection offerer = clients.newPeerConnection(new RTCConfiguration());
            RTCPeerConnection answerer = server.newPeerConnection(new RTCConfiguration());
            RTCDataChannel channel = offerer.createDataChannel("under-fire");
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            answerer.onDataChannel(remote -> remote.onMessage(m -> received.add(m.text())));
            negotiate(offerer, answerer).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DataChannelLoopbackTest.awaitOpen(channel);
            SharedUdpPort port = sharedPort(server);
            long packetsBefore = transportPacketsReceived(answerer);

            Random random = new Random(7);
            int sent = 0;
            for (byte[] datagram : strangersDatagrams(random)) {
                stranger.send(new DatagramPacket(datagram, datagram.length, port.localAddress()));
                sent++;
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> port.strangerDatagrams() >= 60);
            channel.send("still here");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("still here"));

            assertThat(port.strangerDatagrams()).isEqualTo(sent);
            assertThat(transportPacketsReceived(answerer) - packetsBefore)
                    .as("only the offerer's message and its SCTP traffic reached the connection").isLessThan(10);
            assertThat(answerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            PeerPair.await(offerer.close());
            PeerPair.await(answerer.close());
        }
    }

    @Test
    void anIceRestartKeepsTheConnectionOnTheSharedPortWithItsNewUfrag() throws Exception {
        try (RtcEngine server = RtcEngine.create(serverSettings()); RtcEngine clients = RtcEngine.create(
                RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK)))) {
            RTCPeerConnection offerer = clients.newPeerConnection(new RTCConfiguration());
            RTCPeerConnection answerer = server.newPeerConnection(new RTCConfiguration());
            RTCDataChannel channel = offerer.createDataChannel("restarted");
            List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            answerer.onDataChannel(remote -> remote.onMessage(m -> received.add(m.text())));
            negotiate(offerer, answerer).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DataChannelLoopbackTest.awaitOpen(channel);
            String ufragBefore = iceUfrag(answerer);
            SharedUdpPort port = sharedPort(server);

            offerer.restartIce();
            negotiate(offerer, answerer).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            channel.send("after the restart");
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("after the restart"));

            assertThat(iceUfrag(answerer)).isNotEqualTo(ufragBefore);
            assertThat(hostPorts(answerer)).containsExactly(port.localAddress().getPort());
            assertThat(answerer.getConnectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
            PeerPair.await(offerer.close());
            PeerPair.await(answerer.close());
            await().atMost(Duration.ofSeconds(10)).until(() -> port.routingKeys() == 0);
        }
    }

    private static String iceUfrag(RTCPeerConnection pc) {
        return pc.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=ice-ufrag:")).findFirst()
                .orElseThrow();
    }

    /**
     * What a stranger sends: random bytes of every first-byte class (DTLS, SRTP, unknown) and Binding requests
     * for ufrags no connection has; 60 in all.
     */
    private static List<byte[]> strangersDatagrams(Random random) {
        List<byte[]> datagrams = new ArrayList<>();
        for (int first : new int[] {22, 23, 128, 144, 200, 64}) {
            for (int i = 0; i < 5; i++) {
                byte[] datagram = new byte[20 + random.nextInt(200)];
                random.nextBytes(datagram);
                datagram[0] = (byte) first;
                datagrams.add(datagram);
            }
        }
        for (int i = 0; i < 30; i++) {
            StunMessage request = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, randomTransaction(random),
                    List.of(new UsernameAttribute("nobody" + i + ":stranger")));
            datagrams.add(request.encode());
        }
        return datagrams;
    }

    private static byte[] randomTransaction(Random random) {
        byte[] id = new byte[StunMessage.TRANSACTION_ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    private static long transportPacketsReceived(RTCPeerConnection pc) {
        RTCStatsReport report = PeerPair.await(pc.getStats());
        return report.ofType("transport").stream()
                .mapToLong(s -> ((RTCTransportStats) s).getPacketsReceived()).sum();
    }

    static RtcEngineSettings serverSettings() {
        return RtcEngineSettings.defaults().withBindAddresses(List.of(LOOPBACK)).withSharedUdpPort(0);
    }

    static SharedUdpPort sharedPort(RtcEngine engine) {
        SharedUdpPorts ports = engine.core().sharedUdpPorts();
        assertThat(ports.openPorts()).hasSize(1);
        return ports.openPorts().get(0);
    }

    private static Set<Integer> hostPorts(RTCPeerConnection pc) {
        Set<Integer> ports = new HashSet<>();
        pc.getLocalDescription().sdp().lines().filter(l -> l.startsWith("a=candidate:"))
                .forEach(l -> ports.add(Integer.parseInt(l.split(" ")[5])));
        return ports;
    }

    /** Full offer/answer with every candidate in the descriptions, without blocking a thread. */
    static CompletableFuture<Void> negotiate(RTCPeerConnection offerer, RTCPeerConnection answerer) {
        return offerer.setLocalDescription()
                .thenCompose(v -> offerer.gatheringComplete())
                .thenCompose(v -> answerer.setRemoteDescription(offerer.getLocalDescription()))
                .thenCompose(v -> answerer.setLocalDescription())
                .thenCompose(v -> answerer.gatheringComplete())
                .thenCompose(v -> offerer.setRemoteDescription(answerer.getLocalDescription()));
    }
}
