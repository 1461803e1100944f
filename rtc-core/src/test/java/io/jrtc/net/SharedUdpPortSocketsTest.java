package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import io.netty.channel.EventLoop;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shared port's sockets on loopback, with the native transport (a socket per loop, SO_REUSEPORT) and with NIO (one
 * socket): peers of two connections pinned to different loops reach their own connection, on its loop, whichever
 * socket the kernel gave them to; a connection's answers leave from the shared port; a stranger and the peers of a
 * closed connection reach nobody.
 */
class SharedUdpPortSocketsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** Peers per connection: enough that the kernel spreads them over both sockets of the native transport. */
    private static final int PEERS = 8;

    private record Received(String connection, boolean onItsLoop, InetSocketAddress sender, byte[] data) {
    }

    @ParameterizedTest(name = "native transport: {0}")
    @ValueSource(booleans = {true, false})
    void peersReachTheirOwnConnectionOnItsLoopAndStrangersNobody(boolean nativeTransport) throws Exception {
        EventLoops loops = new EventLoops(2, nativeTransport);
        List<DatagramSocket> peers = new ArrayList<>();
        try {
            SharedUdpPort port = SharedUdpPort.open(loops, LOOPBACK, 0).get(10, TimeUnit.SECONDS);
            assertThat(port.socketCount()).isEqualTo(loops.isEpoll() ? 2 : 1);
            LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
            EventLoop loopA = loops.all().get(0);
            EventLoop loopB = loops.all().get(1);
            SharedPortEndpoint a = port.attach(loopA, "ufragA", recorder("A", loopA, received));
            SharedPortEndpoint b = port.attach(loopB, "ufragB", recorder("B", loopB, received));
            for (int i = 0; i < 2 * PEERS; i++) {
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                peer.setSoTimeout(5000);
                peers.add(peer);
            }

            for (int i = 0; i < peers.size(); i++) {
                String ufrag = i < PEERS ? "ufragA" : "ufragB";
                send(peers.get(i), check(ufrag), port);
                send(peers.get(i), new byte[] {23, (byte) i}, port);
            }
            List<Received> all = new ArrayList<>();
            for (int i = 0; i < 4 * PEERS; i++) {
                Received next = received.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("datagram %d of %d", i, 4 * PEERS).isNotNull();
                all.add(next);
            }
            for (Received r : all) {
                int peer = indexOf(peers, r.sender());
                assertThat(r.connection()).isEqualTo(peer < PEERS ? "A" : "B");
                assertThat(r.onItsLoop()).isTrue();
                if (r.data()[0] == 23) {
                    assertThat(r.data()[1]).isEqualTo((byte) peer);
                }
            }

            DatagramSocket peerOfB = peers.get(PEERS);
            loopB.submit(() -> {
                b.send((InetSocketAddress) peerOfB.getLocalSocketAddress(), new byte[] {23, 42}, 0, 2);
                b.flush();
            }).get(5, TimeUnit.SECONDS);
            DatagramPacket answer = new DatagramPacket(new byte[16], 16);
            peerOfB.receive(answer);
            assertThat(answer.getPort()).isEqualTo(port.localAddress().getPort());
            assertThat(Arrays.copyOf(answer.getData(), answer.getLength())).containsExactly(23, 42);

            try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                send(stranger, new byte[] {23, 1}, port);
                send(stranger, check("nobody"), port);
            }
            loopA.submit(a::close).get(5, TimeUnit.SECONDS);
            send(peers.get(0), new byte[] {23, 0}, port);
            send(peers.get(0), check("ufragA"), port);
            await().atMost(Duration.ofSeconds(10)).until(() -> port.strangerDatagrams() >= 4);
            assertThat(port.strangerDatagrams()).isEqualTo(4);
            assertThat(received.poll(200, TimeUnit.MILLISECONDS)).as("nothing reached a connection").isNull();
            assertThat(port.attachedConnections()).isEqualTo(1);
            loopB.submit(b::close).get(5, TimeUnit.SECONDS);
            assertThat(port.routingKeys()).isZero();
            port.close();
        } finally {
            peers.forEach(DatagramSocket::close);
            loops.close();
        }
    }

    private static DatagramReceiver recorder(String name, EventLoop loop, LinkedBlockingQueue<Received> received) {
        return (endpoint, sender, data, length) ->
                received.add(new Received(name, loop.inEventLoop(), sender, Arrays.copyOf(data, length)));
    }

    private static void send(DatagramSocket from, byte[] data, SharedUdpPort port) throws Exception {
        from.send(new DatagramPacket(data, data.length, port.localAddress()));
    }

    private static int indexOf(List<DatagramSocket> peers, InetSocketAddress sender) {
        for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i).getLocalPort() == sender.getPort()) {
                return i;
            }
        }
        throw new AssertionError("no peer sent from " + sender);
    }

    private static byte[] check(String receiverUfrag) {
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, new byte[StunMessage.TRANSACTION_ID_LENGTH],
                List.of(new UsernameAttribute(receiverUfrag + ":peer"))).encode();
    }
}
