package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.dtls.DtlsConfig;
import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsEvent;
import io.jrtc.dtls.ServerCertificateCheck;
import io.jrtc.net.TlsClientSettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TURN over DTLS ({@code turns:...?transport=udp}, RFC 7065 §3, RFC 8656 §3.1) against coturn's DTLS listener: a
 * BouncyCastle DTLS client verifies the server's certificate as TLS clients do (trust store, then the name), and
 * {@link TurnClient} allocates, relays and deallocates through the session. A certificate that is not trusted, or
 * not issued for the name dialled, fails the handshake with a reason that says so.
 */
class TurnOverDtlsCoturnTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final DtlsConfig CONFIG = DtlsConfig.DEFAULT.withMtu(1472);

    @TempDir
    Path dir;
    @TempDir
    Path otherDir;
    private CoturnServer coturn;
    private DatagramSocket socket;
    private final ExecutorService handshakes = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() throws Exception {
        coturn = new CoturnServer(dir, LOOPBACK, true);
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(5);
    }

    @AfterEach
    void tearDown() throws Exception {
        socket.close();
        coturn.close();
        handshakes.shutdownNow();
    }

    @Test
    void allocatesAndRelaysThroughATrustedDtlsSession() throws Exception {
        TlsClientSettings trust = TlsClientSettings.trusting("127.0.0.1", coturn.certificate());
        DtlsEndpoint dtls = connect("127.0.0.1", trust::checkServerTrusted);
        assertThat(awaitEvent(dtls)).isInstanceOf(DtlsEvent.Connected.class);

        TurnClient client = new TurnClient(TurnClientConfig.of(coturn.tlsAddress(), CoturnServer.USER,
                CoturnServer.PASSWORD), new SecureRandom());
        client.allocate(System.nanoTime());
        TurnEvent.Allocated allocated = (TurnEvent.Allocated) awaitTurnEvent(dtls, client);
        assertThat(allocated.relayedAddress().getAddress()).isEqualTo(LOOPBACK);

        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            peer.setSoTimeout(5000);
            client.createPermission(System.nanoTime(), LOOPBACK);
            client.send(System.nanoTime(), (InetSocketAddress) peer.getLocalSocketAddress(),
                    "over dtls".getBytes(), 0, 9);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            byte[] buffer = new byte[2048];
            DatagramPacket received = new DatagramPacket(buffer, buffer.length);
            peer.setSoTimeout(5);
            boolean arrived = false;
            while (!arrived && System.nanoTime() < deadline) {
                pumpOnce(dtls, client);
                try {
                    peer.receive(received);
                    arrived = true;
                } catch (SocketTimeoutException notYet) {
                    // keep pumping
                }
            }
            assertThat(arrived).as("relayed datagram at the peer").isTrue();
            assertThat(new String(Arrays.copyOf(buffer, received.getLength()))).isEqualTo("over dtls");
            assertThat(received.getSocketAddress()).isEqualTo(allocated.relayedAddress());
        }
        client.close(System.nanoTime());
        pumpOnce(dtls, client);
        dtls.close();
    }

    @Test
    void aCertificateOutsideTheTrustStoreFailsTheHandshakeSayingWhy() throws Exception {
        TlsClientSettings wrong = TlsClientSettings.trusting("127.0.0.1",
                SelfSignedCertificate.create(otherDir, "127.0.0.1"));

        DtlsEvent event = awaitEvent(connect("127.0.0.1", wrong::checkServerTrusted));

        assertThat(event).isInstanceOf(DtlsEvent.Failed.class);
        assertThat(((DtlsEvent.Failed) event).reason()).contains("bad_certificate")
                .contains("certificate of 127.0.0.1 rejected").containsIgnoringCase("path");
    }

    @Test
    void aTrustedCertificateForAnotherNameFailsTheHandshakeSayingWhy() throws Exception {
        TlsClientSettings otherName = TlsClientSettings.trusting("turn.example.org", coturn.certificate());

        DtlsEvent event = awaitEvent(connect("turn.example.org", otherName::checkServerTrusted));

        assertThat(event).isInstanceOf(DtlsEvent.Failed.class);
        assertThat(((DtlsEvent.Failed) event).reason()).contains("bad_certificate")
                .contains("the certificate (CN 127.0.0.1, no DNS subjectAltName) is not for turn.example.org");
    }

    private DtlsEndpoint connect(String serverName, ServerCertificateCheck check) {
        DtlsEndpoint dtls = DtlsEndpoint.verifyingClient(serverName, check, handshakes, () -> { }, CONFIG);
        dtls.start(System.nanoTime());
        return dtls;
    }

    /** Moves datagrams both ways until the session reports an event. */
    private DtlsEvent awaitEvent(DtlsEndpoint dtls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            exchange(dtls);
            DtlsEvent event = dtls.pollEvent();
            if (event != null) {
                return event;
            }
        }
        throw new AssertionError("no DTLS event within 15 s\n" + coturn.log());
    }

    private TurnEvent awaitTurnEvent(DtlsEndpoint dtls, TurnClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            pumpOnce(dtls, client);
            TurnEvent event = client.pollEvent();
            if (event != null) {
                return event;
            }
        }
        throw new AssertionError("no TURN event within 10 s\n" + coturn.log());
    }

    private void pumpOnce(DtlsEndpoint dtls, TurnClient client) throws Exception {
        for (byte[] message = client.pollTransmit(); message != null; message = client.pollTransmit()) {
            dtls.send(message, 0, message.length);
        }
        exchange(dtls);
        for (byte[] record = dtls.pollApplicationData(); record != null; record = dtls.pollApplicationData()) {
            client.handleReceive(System.nanoTime(), coturn.tlsAddress(), record, 0, record.length);
        }
        if (client.pollTimeout() <= System.nanoTime()) {
            client.handleTimeout(System.nanoTime());
        }
    }

    private void exchange(DtlsEndpoint dtls) throws Exception {
        for (byte[] out = dtls.pollTransmit(); out != null; out = dtls.pollTransmit()) {
            socket.send(new DatagramPacket(out, out.length, coturn.tlsAddress()));
        }
        byte[] buffer = new byte[4096];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
            dtls.handleReceive(System.nanoTime(), buffer, 0, packet.getLength());
        } catch (SocketTimeoutException nothingYet) {
            // poll again
        }
    }
}
