package io.jrtc.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.turn.CoturnServer;
import io.jrtc.turn.SelfSignedCertificate;
import io.jrtc.turn.StreamFramer;
import io.jrtc.turn.TurnClient;
import io.jrtc.turn.TurnClientConfig;
import io.jrtc.turn.TurnEvent;
import io.jrtc.turn.TurnParseException;
import io.jrtc.stun.StunRetransmissionPolicy;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TurnClient} over a real {@link TcpStreamSocket} to a real coturn (RFC 8656 §3.1): allocation over TCP and
 * over TLS (a self-signed certificate the test trusts, hostname verification on), data both ways by indications
 * and by padded ChannelData, a refresh, deallocation; and the ways a TLS connection must not come up.
 */
class TcpStreamSocketCoturnTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private EventLoops loops;
    private CoturnServer coturn;
    private long skew;

    @BeforeEach
    void setUp() throws Exception {
        loops = new EventLoops(1);
        coturn = new CoturnServer(dir, LOOPBACK, true);
    }

    @AfterEach
    void tearDown() throws Exception {
        coturn.close();
        loops.close();
    }

    /** The stream's frames, collected on the loop; the test thread drives the client. */
    private static final class Collector implements TcpStreamSocket.StreamReceiver {
        final StreamFramer framer = new StreamFramer();
        final LinkedBlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> closed = new CompletableFuture<>();

        @Override
        public void onBytes(TcpStreamSocket socket, byte[] data, int offset, int length) {
            framer.feed(data, offset, length);
            try {
                for (byte[] f = framer.next(); f != null; f = framer.next()) {
                    frames.add(f);
                }
            } catch (TurnParseException e) {
                closed.complete(e);
            }
        }

        @Override
        public void onClosed(TcpStreamSocket socket, Throwable cause) {
            closed.complete(cause);
        }
    }

    @ParameterizedTest(name = "tls: {0}")
    @ValueSource(booleans = {false, true})
    void allocatesRelaysBothWaysRefreshesAndDeallocatesOverAStream(boolean tls) throws Exception {
        Collector collector = new Collector();
        InetSocketAddress server = tls ? coturn.tlsAddress() : coturn.address();
        TcpStreamSocket socket = TcpStreamSocket.connect(loops, loops.next(), server,
                tls ? TlsClientSettings.trusting("127.0.0.1", coturn.certificate()) : null, TIMEOUT, collector)
                .get(10, TimeUnit.SECONDS);
        assertThat(socket.isTls()).isEqualTo(tls);
        TurnClient client = new TurnClient(new TurnClientConfig(server, CoturnServer.USER, CoturnServer.PASSWORD,
                600, new StunRetransmissionPolicy(TimeUnit.MILLISECONDS.toNanos(500),
                TimeUnit.MILLISECONDS.toNanos(500), 1, 79)), new SecureRandom());
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            peer.setSoTimeout(5000);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();

            client.allocate(now());
            TurnEvent.Allocated allocated = await(client, socket, collector, TurnEvent.Allocated.class);
            assertThat(allocated.mappedAddress()).isEqualTo(socket.localAddress());

            client.createPermission(now(), LOOPBACK);
            await(client, socket, collector, TurnEvent.PermissionCreated.class);
            client.send(now(), peerAddress, new byte[] {1, 2, 3}, 0, 3);
            flush(client, socket);
            assertThat(receive(peer)).containsExactly(1, 2, 3);

            client.bindChannel(now(), peerAddress);
            await(client, socket, collector, TurnEvent.ChannelBound.class);
            // Five bytes: over a stream the ChannelData is padded to eight, which coturn must skip.
            client.send(now(), peerAddress, new byte[] {9, 8, 7, 6, 5}, 0, 5);
            client.send(now(), peerAddress, new byte[] {4}, 0, 1);
            flush(client, socket);
            assertThat(receive(peer)).containsExactly(9, 8, 7, 6, 5);
            assertThat(receive(peer)).containsExactly(4);
            byte[] back = {42, 43, 44};
            peer.send(new DatagramPacket(back, back.length, allocated.relayedAddress()));
            peer.send(new DatagramPacket(back, 1, allocated.relayedAddress()));
            assertThat(await(client, socket, collector, TurnEvent.DataReceived.class).data()).containsExactly(back);
            assertThat(await(client, socket, collector, TurnEvent.DataReceived.class).data()).containsExactly(42);

            skew += TimeUnit.SECONDS.toNanos(545);
            client.handleTimeout(now());
            assertThat(await(client, socket, collector, TurnEvent.Refreshed.class).lifetimeSeconds()).isPositive();
            assertThat(client.droppedDatagrams()).isZero();

            // The answers to the permission and channel refreshes due by now may come after this; they are dropped.
            client.close(now());
            await(client, socket, collector, TurnEvent.Closed.class);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nturnserver log:\n" + coturn.log(), e);
        } finally {
            socket.close();
        }
    }

    @Test
    void anUntrustedCertificateFailsTheConnectionWithTheReason() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("other"));
        TlsClientSettings wrong = TlsClientSettings.trusting("127.0.0.1",
                SelfSignedCertificate.create(elsewhere, "127.0.0.1"));
        CompletableFuture<TcpStreamSocket> connecting = TcpStreamSocket.connect(loops, loops.next(),
                coturn.tlsAddress(), wrong, TIMEOUT, new Collector());

        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("TLS handshake with").hasMessageContaining("failed")
                .hasRootCauseInstanceOf(java.security.cert.CertPathValidatorException.class);
    }

    @Test
    void aCertificateForAnotherNameFailsHostnameVerification() {
        CompletableFuture<TcpStreamSocket> connecting = TcpStreamSocket.connect(loops, loops.next(),
                coturn.tlsAddress(), TlsClientSettings.trusting("localhost", coturn.certificate()), TIMEOUT,
                new Collector());

        assertThatThrownBy(() -> connecting.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().hasMessageContaining("localhost");
    }

    @Test
    void theServerGoingAwayIsReportedAsAConnectionLoss() throws Exception {
        Collector collector = new Collector();
        TcpStreamSocket socket = TcpStreamSocket.connect(loops, loops.next(), coturn.tlsAddress(),
                TlsClientSettings.trusting("127.0.0.1", coturn.certificate()), TIMEOUT, collector)
                .get(10, TimeUnit.SECONDS);
        coturn.close();

        collector.closed.get(10, TimeUnit.SECONDS);
        assertThat(socket.isOpen()).isFalse();
    }

    private long now() {
        return System.nanoTime() + skew;
    }

    private static byte[] receive(DatagramSocket peer) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[1500], 1500);
        peer.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    private static void flush(TurnClient client, TcpStreamSocket socket) throws Exception {
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        for (byte[] m = client.pollTransmit(); m != null; m = client.pollTransmit()) {
            out.add(StreamFramer.toStream(m));
        }
        socket.eventLoop().submit(() -> {
            out.forEach(m -> socket.write(m, 0, m.length));
            socket.flush();
        }).get(5, TimeUnit.SECONDS);
    }

    private <T extends TurnEvent> T await(TurnClient client, TcpStreamSocket socket, Collector collector,
            Class<T> type) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            flush(client, socket);
            for (TurnEvent e = client.pollEvent(); e != null; e = client.pollEvent()) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
                assertThat(e).as("unexpected event").isNotInstanceOf(TurnEvent.Failed.class);
            }
            byte[] frame = collector.frames.poll(20, TimeUnit.MILLISECONDS);
            if (frame != null) {
                client.handleReceive(now(), socket.remoteAddress(), frame, 0, frame.length);
            }
            if (client.pollTimeout() <= now()) {
                client.handleTimeout(now());
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within 5 s");
    }
}
