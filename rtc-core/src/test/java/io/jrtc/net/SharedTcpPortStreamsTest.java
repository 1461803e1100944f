package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jrtc.ice.Rfc4571Framer;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import io.netty.channel.EventLoop;
import java.io.DataInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shared TCP port (ICE-TCP, RFC 6544) on loopback, native and NIO: a stream whose first check names a connection's
 * ufrag reaches that connection on its loop, packet by packet however the bytes are cut, and takes its answers back
 * framed (RFC 4571); strangers' streams (a first packet for no connection, or none in time) are closed and reach
 * nobody; closing a connection closes its streams.
 */
class SharedTcpPortStreamsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private record Received(String connection, boolean onItsLoop, InetSocketAddress sender, byte[] data) {
    }

    @ParameterizedTest(name = "native transport: {0}")
    @ValueSource(booleans = {true, false})
    void streamsReachTheConnectionTheirFirstCheckNamesAndStrangersAreClosed(boolean nativeTransport)
            throws Exception {
        try (EventLoops loops = new EventLoops(2, nativeTransport)) {
            SharedTcpPort port = SharedTcpPort.open(loops, LOOPBACK, 0).get(10, TimeUnit.SECONDS);
            LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
            EventLoop loopA = loops.all().get(0);
            EventLoop loopB = loops.all().get(1);
            SharedTcpEndpoint a = port.attach(loopA, "ufragA", recorder("A", loopA, received));
            SharedTcpEndpoint b = port.attach(loopB, "ufragB", recorder("B", loopB, received));

            try (Socket toA = connect(port); Socket toB = connect(port)) {
                byte[] checkA = check("ufragA");
                byte[] bytesA = concat(Rfc4571Framer.frame(checkA, 0, checkA.length), framed(23, 1));
                for (byte b1 : bytesA) { // one byte at a time: the framing, not the reads, cuts packets
                    toA.getOutputStream().write(b1);
                    toA.getOutputStream().flush();
                }
                byte[] checkB = check("ufragB");
                toB.getOutputStream().write(concat(Rfc4571Framer.frame(checkB, 0, checkB.length), framed(23, 2)));

                List<Received> all = List.of(next(received), next(received), next(received), next(received));
                assertThat(all).allSatisfy(r -> assertThat(r.onItsLoop()).isTrue());
                assertThat(all).filteredOn(r -> r.connection().equals("A")).extracting(Received::sender)
                        .containsOnly((InetSocketAddress) toA.getLocalSocketAddress());
                assertThat(all).filteredOn(r -> r.connection().equals("A")).extracting(Received::data)
                        .containsExactly(checkA, new byte[] {23, 1});
                assertThat(all).filteredOn(r -> r.connection().equals("B")).extracting(Received::data)
                        .containsExactly(checkB, new byte[] {23, 2});
                assertThat(a.streamCount()).isEqualTo(1);

                loopB.submit(() -> b.send((InetSocketAddress) toB.getLocalSocketAddress(), new byte[] {23, 42}, 0, 2))
                        .get(5, TimeUnit.SECONDS);
                assertThat(readFrame(toB)).containsExactly(23, 42);
                loopA.submit(() -> a.send(new InetSocketAddress(LOOPBACK, 9), new byte[] {23}, 0, 1))
                        .get(5, TimeUnit.SECONDS);
                assertThat(a.unsentPackets()).isEqualTo(1);

                try (Socket unknownUfrag = connect(port); Socket garbage = connect(port)) {
                    byte[] checkNobody = check("nobody");
                    unknownUfrag.getOutputStream().write(Rfc4571Framer.frame(checkNobody, 0, checkNobody.length));
                    garbage.getOutputStream().write(concat(framed(23, 7), framed(23, 8)));
                    assertClosedByPeer(unknownUfrag);
                    assertClosedByPeer(garbage);
                }
                assertThat(port.strangerStreams()).isEqualTo(2);
                assertThat(received).isEmpty();

                a.close();
                assertClosedByPeer(toA);
                assertThat(port.attachedConnections()).isEqualTo(1);
                b.close();
                assertClosedByPeer(toB);
            }
            assertThat(port.routingKeys()).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> port.openStreams() == 0);
            port.close();
        }
    }

    @ParameterizedTest(name = "native transport: {0}")
    @ValueSource(booleans = {true, false})
    void aStreamWithoutAWholeFirstPacketInTimeIsClosedAsAStrangers(boolean nativeTransport) throws Exception {
        try (EventLoops loops = new EventLoops(2, nativeTransport)) {
            SharedTcpPort port = SharedTcpPort.open(loops, LOOPBACK, 0, Duration.ofMillis(200))
                    .get(10, TimeUnit.SECONDS);
            LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
            port.attach(loops.all().get(0), "ufragA", recorder("A", loops.all().get(0), received));

            try (Socket silent = connect(port); Socket halfFrame = connect(port)) {
                byte[] check = check("ufragA");
                byte[] framed = Rfc4571Framer.frame(check, 0, check.length);
                halfFrame.getOutputStream().write(framed, 0, framed.length - 1);
                assertClosedByPeer(silent);
                assertClosedByPeer(halfFrame);
            }
            assertThat(port.strangerStreams()).isEqualTo(2);
            assertThat(received).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> port.openStreams() == 0);
            port.close();
        }
    }

    private static DatagramReceiver recorder(String name, EventLoop loop, LinkedBlockingQueue<Received> received) {
        return (endpoint, sender, data, length) ->
                received.add(new Received(name, loop.inEventLoop(), sender, Arrays.copyOf(data, length)));
    }

    private static Received next(LinkedBlockingQueue<Received> received) throws InterruptedException {
        Received r = received.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a packet within 10 s").isNotNull();
        return r;
    }

    private static Socket connect(SharedTcpPort port) throws Exception {
        Socket socket = new Socket();
        socket.connect(port.localAddress(), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void assertClosedByPeer(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        assertThat(in.read()).as("the port closes the stream").isEqualTo(-1);
    }

    private static byte[] readFrame(Socket socket) throws Exception {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] packet = new byte[in.readUnsignedShort()];
        in.readFully(packet);
        return packet;
    }

    private static byte[] framed(int... bytes) {
        byte[] packet = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            packet[i] = (byte) bytes[i];
        }
        return Rfc4571Framer.frame(packet, 0, packet.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] check(String receiverUfrag) {
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, new byte[StunMessage.TRANSACTION_ID_LENGTH],
                List.of(new UsernameAttribute(receiverUfrag + ":peer"))).encode();
    }

}
