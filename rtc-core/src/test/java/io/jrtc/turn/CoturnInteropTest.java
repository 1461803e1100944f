package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TurnClient} against a real coturn over real UDP sockets on loopback: allocation with long-term
 * credentials, a permission, data both ways through the relay by Send/Data indications and then by ChannelData,
 * refreshes, and deallocation. The client runs on a clock that the test may move ahead, so refreshes that are
 * minutes away in real time happen at once; coturn takes them like any other request.
 */
class CoturnInteropTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    Path dir;
    private CoturnServer coturn;
    private DatagramSocket clientSocket;
    private DatagramSocket peerSocket;
    private TurnClient client;
    private long skew;
    private final List<TurnEvent> events = new ArrayList<>();
    private int channelDataReceived;
    private final List<StunMessage> requestsSent = new ArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        if (clientSocket != null) {
            clientSocket.close();
        }
        if (peerSocket != null) {
            peerSocket.close();
        }
        if (coturn != null) {
            coturn.close();
        }
    }

    private void start(String... coturnOptions) throws Exception {
        assertThat(Files.isExecutable(CoturnServer.TURNSERVER))
                .as("/usr/bin/turnserver, installed by scripts/ensure-test-peers.sh").isTrue();
        coturn = new CoturnServer(dir, coturnOptions);
        clientSocket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        clientSocket.setSoTimeout(5);
        peerSocket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        peerSocket.setSoTimeout((int) TimeUnit.NANOSECONDS.toMillis(LIMIT_NANOS));
        client = new TurnClient(TurnClientConfig.of(coturn.address(), CoturnServer.USER, CoturnServer.PASSWORD),
                new SecureRandom());
    }

    @Test
    void allocatesRelaysBothWaysRefreshesAndDeallocates() throws Exception {
        start();
        InetSocketAddress peer = (InetSocketAddress) peerSocket.getLocalSocketAddress();

        client.allocate(now());
        TurnEvent.Allocated allocated = await(TurnEvent.Allocated.class, e -> true);
        assertThat(allocated.relayedAddress().getAddress()).isEqualTo(LOOPBACK);
        assertThat(allocated.mappedAddress()).isEqualTo(clientSocket.getLocalSocketAddress());
        assertThat(allocated.lifetimeSeconds()).isPositive();

        client.createPermission(now(), peer.getAddress());
        await(TurnEvent.PermissionCreated.class, e -> e.peer().equals(peer.getAddress()));

        exchange(peer, allocated.relayedAddress(), "through a Send indication", "back in a Data indication");
        assertThat(channelDataReceived).isZero();
        assertThat(requestsSent.stream().filter(m -> m.method() == StunMethod.SEND)).hasSize(1);
        requestsSent.clear();

        int channel = client.bindChannel(now(), peer);
        await(TurnEvent.ChannelBound.class, e -> e.channelNumber() == channel && e.peer().equals(peer));
        exchange(peer, allocated.relayedAddress(), "through ChannelData", "back in ChannelData");
        assertThat(channelDataReceived).isEqualTo(1);
        assertThat(requestsSent.stream().filter(m -> m.method() == StunMethod.SEND)).isEmpty();

        // Move the client's clock to the allocation refresh: permission and channel refreshes are due by then too.
        skew += TurnClient.refreshDelayNanos(allocated.lifetimeSeconds());
        await(TurnEvent.Refreshed.class, e -> e.lifetimeSeconds() > 0);
        pumpUntilNoRequestPending();
        exchange(peer, allocated.relayedAddress(), "after the refreshes", "still relayed");

        assertThat(requestsSent.stream().map(StunMessage::method)).contains(StunMethod.REFRESH,
                StunMethod.CREATE_PERMISSION, StunMethod.CHANNEL_BIND);
        requestsSent.clear();
        client.close(now());
        await(TurnEvent.Closed.class, e -> true);
        assertThat(requestsSent).singleElement().satisfies(m -> {
            assertThat(m.method()).isEqualTo(StunMethod.REFRESH);
            assertThat(m.first(io.jrtc.stun.LifetimeAttribute.class).seconds()).isZero();
        });
        assertThat(client.state()).isEqualTo(TurnClient.State.CLOSED);
        assertThat(events).noneMatch(e -> e instanceof TurnEvent.Failed || e instanceof TurnEvent.PermissionFailed
                || e instanceof TurnEvent.ChannelBindFailed);
    }

    @Test
    void wrongPasswordFailsWith401() throws Exception {
        start();
        client = new TurnClient(TurnClientConfig.of(coturn.address(), CoturnServer.USER, "wrong"), new SecureRandom());

        client.allocate(now());
        TurnEvent.Failed failed = await(TurnEvent.Failed.class, e -> true);

        assertThat(failed.errorCode()).isEqualTo(401);
        assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
    }

    @Test
    void staleNonceIsRetriedWithTheNewNonce() throws Exception {
        start("--stale-nonce=1");
        client.allocate(now());
        await(TurnEvent.Allocated.class, e -> true);
        Thread.sleep(2100);

        client.createPermission(now(), LOOPBACK);

        await(TurnEvent.PermissionCreated.class, e -> true);
        List<String> nonces = requestsSent.stream().filter(m -> m.method() == StunMethod.CREATE_PERMISSION)
                .map(StunMessage::nonce).toList();
        assertThat(nonces).as("the first CreatePermission got 438 and was re-sent with a new nonce").hasSize(2);
        assertThat(nonces.get(0)).isNotEqualTo(nonces.get(1));
    }

    @Test
    void forbiddenPeerFailsThePermissionOnly() throws Exception {
        start("--denied-peer-ip=127.0.0.77");
        client.allocate(now());
        await(TurnEvent.Allocated.class, e -> true);
        InetAddress denied = InetAddress.getByName("127.0.0.77");

        client.createPermission(now(), denied);

        TurnEvent.PermissionFailed failed = await(TurnEvent.PermissionFailed.class, e -> true);
        assertThat(failed.peer()).isEqualTo(denied);
        assertThat(failed.errorCode()).isEqualTo(403);
        assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
    }

    /** Client to peer through the relay, then the peer's answer back through the relay to the client. */
    private void exchange(InetSocketAddress peer, InetSocketAddress relayed, String out, String back)
            throws IOException, StunParseException {
        byte[] outBytes = out.getBytes(StandardCharsets.UTF_8);
        client.send(now(), peer, outBytes, 0, outBytes.length);
        flush();
        byte[] buffer = new byte[1500];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        peerSocket.receive(received);
        assertThat(received.getSocketAddress()).isEqualTo(relayed);
        assertThat(new String(buffer, 0, received.getLength(), StandardCharsets.UTF_8)).isEqualTo(out);

        byte[] backBytes = back.getBytes(StandardCharsets.UTF_8);
        peerSocket.send(new DatagramPacket(backBytes, backBytes.length, relayed));
        TurnEvent.DataReceived data = await(TurnEvent.DataReceived.class, e -> true);
        assertThat(data.peer()).isEqualTo(peer);
        assertThat(new String(data.data(), StandardCharsets.UTF_8)).isEqualTo(back);
        events.remove(data);
    }

    private long now() {
        return System.nanoTime() + skew;
    }

    private <T extends TurnEvent> T await(Class<T> kind, Predicate<T> wanted) throws IOException, StunParseException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            for (TurnEvent e : events) {
                if (kind.isInstance(e) && wanted.test(kind.cast(e))) {
                    return kind.cast(e);
                }
            }
            pumpOnce();
        }
        throw new AssertionError("no " + kind.getSimpleName() + " within 5 s; events " + events
                + "\nturnserver log:\n" + coturn.log());
    }

    private void pumpUntilNoRequestPending() throws IOException, StunParseException {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (client.pollTimeout() < now() + TimeUnit.SECONDS.toNanos(60) && System.nanoTime() < deadline) {
            pumpOnce();
        }
        assertThat(client.pollTimeout()).as("refreshes answered").isGreaterThan(now() + TimeUnit.SECONDS.toNanos(60));
    }

    private void pumpOnce() throws IOException, StunParseException {
        if (now() >= client.pollTimeout()) {
            client.handleTimeout(now());
        }
        flush();
        byte[] buffer = new byte[1500];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            clientSocket.receive(packet);
        } catch (SocketTimeoutException idle) {
            return;
        }
        if (ChannelData.isChannelData(buffer, 0, packet.getLength())) {
            channelDataReceived++;
        }
        client.handleReceive(now(), (InetSocketAddress) packet.getSocketAddress(), buffer, 0, packet.getLength());
        flush();
    }

    private void flush() throws IOException, StunParseException {
        for (byte[] datagram; (datagram = client.pollTransmit()) != null; ) {
            clientSocket.send(new DatagramPacket(datagram, datagram.length, coturn.address()));
            if (StunMessage.isStun(datagram, 0, datagram.length)) {
                requestsSent.add(StunMessage.parse(datagram));
            }
        }
        for (TurnEvent e; (e = client.pollEvent()) != null; ) {
            events.add(e);
        }
    }
}
