package io.jrtc.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jrtc.stun.ErrorCodeAttribute;
import io.jrtc.stun.LifetimeAttribute;
import io.jrtc.stun.RequestedTransportAttribute;
import io.jrtc.stun.StunAttributeType;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TurnClient} against {@link ScriptedTurnServer} on a virtual clock: no sockets, no sleeping. */
class TurnClientSimulationTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final InetSocketAddress PEER = new InetSocketAddress(ip("203.0.113.5"), 5000);

    private final ScriptedTurnServer server = new ScriptedTurnServer();
    private final TurnClient client = new TurnClient(new TurnClientConfig(ScriptedTurnServer.ADDRESS,
            ScriptedTurnServer.USER, ScriptedTurnServer.PASSWORD, 600, TurnClientConfig.DEFAULT_RETRANSMISSION),
            new Random(7));
    private final List<TurnEvent> events = new ArrayList<>();
    private final List<byte[]> transmitted = new ArrayList<>();
    /** Start at an arbitrary origin: nothing may assume time starts at zero. */
    private long now = 1_000 * SECOND;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers every datagram both ways at the current time until nothing moves. */
    private void exchange() throws Exception {
        for (byte[] out; (out = client.pollTransmit()) != null; ) {
            transmitted.add(out);
            for (byte[] answer : server.receive(out)) {
                client.handleReceive(now, ScriptedTurnServer.ADDRESS, answer, 0, answer.length);
            }
        }
        for (TurnEvent e; (e = client.pollEvent()) != null; ) {
            events.add(e);
        }
    }

    /** Runs the client's timers up to {@code until}, exchanging at each deadline. */
    private void advanceTo(long until) throws Exception {
        while (client.pollTimeout() <= until) {
            now = Math.max(now, client.pollTimeout());
            client.handleTimeout(now);
            exchange();
        }
        now = until;
    }

    private TurnEvent.Allocated allocate() throws Exception {
        client.allocate(now);
        exchange();
        return (TurnEvent.Allocated) events.stream().filter(TurnEvent.Allocated.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("not allocated: " + events));
    }

    @Test
    void allocatesAfter401WithLongTermCredentials() throws Exception {
        TurnEvent.Allocated allocated = allocate();

        assertThat(allocated).isEqualTo(new TurnEvent.Allocated(ScriptedTurnServer.RELAYED, ScriptedTurnServer.CLIENT,
                600));
        assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
        assertThat(client.relayedAddress()).isEqualTo(ScriptedTurnServer.RELAYED);
        List<StunMessage> allocates = server.requests(StunMethod.ALLOCATE);
        assertThat(allocates).hasSize(2);
        StunMessage first = allocates.get(0);
        assertThat(first.hasIntegrity()).isFalse();
        assertThat(first.first(RequestedTransportAttribute.class)).isEqualTo(RequestedTransportAttribute.udp());
        StunMessage second = allocates.get(1);
        assertThat(second.username()).isEqualTo(ScriptedTurnServer.USER);
        assertThat(second.realm()).isEqualTo(ScriptedTurnServer.REALM);
        assertThat(second.nonce()).isEqualTo("nonce-1");
        assertThat(second.verifyIntegrity(server.key)).isTrue();
        assertThat(second.verifyFingerprint()).isTrue();
        assertThat(second.transactionId()).isNotEqualTo(first.transactionId());
        assertThat(second.first(LifetimeAttribute.class).seconds()).isEqualTo(600);
    }

    @Test
    void staleNonceIsRetriedWithTheNewNonce() throws Exception {
        allocate();
        server.staleNonceNext = true;

        client.createPermission(now, PEER.getAddress());
        exchange();

        List<StunMessage> creates = server.requests(StunMethod.CREATE_PERMISSION);
        assertThat(creates).extracting(StunMessage::nonce).containsExactly("nonce-1", "nonce-2");
        assertThat(events).contains(new TurnEvent.PermissionCreated(PEER.getAddress()));
    }

    @Test
    void refreshesTheAllocationSixtySecondsBeforeItExpires() throws Exception {
        allocate();
        long allocatedAt = now;
        assertThat(client.pollTimeout()).isEqualTo(allocatedAt + 540 * SECOND);

        advanceTo(allocatedAt + 540 * SECOND - 1);
        assertThat(server.requests(StunMethod.REFRESH)).isEmpty();
        advanceTo(allocatedAt + 540 * SECOND);

        assertThat(server.requests(StunMethod.REFRESH)).singleElement()
                .satisfies(r -> assertThat(r.first(LifetimeAttribute.class).seconds()).isEqualTo(600));
        assertThat(events).contains(new TurnEvent.Refreshed(600));
        advanceTo(allocatedAt + 1080 * SECOND);
        assertThat(server.requests(StunMethod.REFRESH)).hasSize(2);
    }

    @Test
    void shortLifetimesAreRefreshedAtHalfTime() throws Exception {
        server.lifetime = 100;
        allocate();
        assertThat(client.pollTimeout()).isEqualTo(now + 50 * SECOND);
        assertThat(TurnClient.refreshDelayNanos(3600)).isEqualTo(3540 * SECOND);
    }

    @Test
    void permissionsAndChannelsAreRefreshedBeforeTheyExpire() throws Exception {
        allocate();
        long start = now;
        client.createPermission(now, PEER.getAddress());
        int channel = client.bindChannel(now, PEER);
        exchange();
        assertThat(channel).isEqualTo(0x4000);
        assertThat(events).contains(new TurnEvent.ChannelBound(PEER, 0x4000));

        advanceTo(start + 240 * SECOND - 1);
        assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(1);
        advanceTo(start + 240 * SECOND);
        assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(2);
        advanceTo(start + 540 * SECOND - 1);
        assertThat(server.requests(StunMethod.CHANNEL_BIND)).hasSize(1);
        advanceTo(start + 540 * SECOND);
        assertThat(server.requests(StunMethod.CHANNEL_BIND)).hasSize(2);
        assertThat(ScriptedTurnServer.channelOf(server.requests(StunMethod.CHANNEL_BIND).get(1))).isEqualTo(0x4000);
        assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(3);
        assertThat(events).filteredOn(TurnEvent.PermissionCreated.class::isInstance).hasSize(1);
    }

    @Test
    void retransmitsALostRequestWithTheSameTransaction() throws Exception {
        server.dropRequests = 2;
        client.allocate(now);
        exchange();
        long start = now;

        advanceTo(start + 500_000_000L - 1);
        assertThat(server.requests).hasSize(1);
        advanceTo(start + 500_000_000L);
        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(1).transactionId()).isEqualTo(server.requests.get(0).transactionId());
        advanceTo(start + 1_500_000_000L);

        assertThat(server.requests).hasSize(4);
        assertThat(events).hasAtLeastOneElementOfType(TurnEvent.Allocated.class);
    }

    @Test
    void silentServerFailsTheAllocation() throws Exception {
        server.dropRequests = Integer.MAX_VALUE;
        client.allocate(now);
        exchange();

        advanceTo(now + TurnClientConfig.DEFAULT_RETRANSMISSION.totalTimeoutNanos());

        assertThat(server.requests).hasSize(TurnClientConfig.DEFAULT_RETRANSMISSION.maxTransmissions());
        assertThat(events).containsExactly(new TurnEvent.Failed(TurnEvent.NO_RESPONSE,
                "no response from the TURN server"));
        assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
        assertThat(client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void closeDeletesTheAllocationWithLifetimeZero() throws Exception {
        allocate();
        client.createPermission(now, PEER.getAddress());
        exchange();

        client.close(now);
        exchange();

        StunMessage last = server.requests.get(server.requests.size() - 1);
        assertThat(last.method()).isEqualTo(StunMethod.REFRESH);
        assertThat(last.first(LifetimeAttribute.class).seconds()).isZero();
        assertThat(last.verifyIntegrity(server.key)).isTrue();
        assertThat(events).endsWith(new TurnEvent.Closed());
        assertThat(client.state()).isEqualTo(TurnClient.State.CLOSED);
        assertThat(client.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void errorResponsesEndTheAllocation() throws Exception {
        server.errors.put(StunMethod.ALLOCATE, ErrorCodeAttribute.ALLOCATION_QUOTA_REACHED);
        client.allocate(now);
        exchange();

        assertThat(events).containsExactly(new TurnEvent.Failed(486, "scripted 486"));
        assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
    }

    @Test
    void refreshErrorEndsTheAllocation() throws Exception {
        allocate();
        server.errors.put(StunMethod.REFRESH, ErrorCodeAttribute.ALLOCATION_MISMATCH);

        advanceTo(now + 540 * SECOND);

        assertThat(events).endsWith(new TurnEvent.Failed(437, "scripted 437"));
    }

    @Test
    void anUnansweredRefreshIsRetriedWhileTheAllocationRuns() throws Exception {
        allocate();
        long allocatedAt = now;
        server.dropRequests = TurnClientConfig.DEFAULT_RETRANSMISSION.maxTransmissions();

        advanceTo(allocatedAt + 540 * SECOND + TurnClientConfig.DEFAULT_RETRANSMISSION.totalTimeoutNanos());
        assertThat(server.requests(StunMethod.REFRESH)).hasSize(5);
        assertThat(events).last().isInstanceOf(TurnEvent.Allocated.class);
        advanceTo(now + TurnClient.REFRESH_RETRY_NANOS);

        assertThat(server.requests(StunMethod.REFRESH)).hasSize(6);
        assertThat(events).last().isEqualTo(new TurnEvent.Refreshed(600));
        assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
    }

    @Test
    void aRefreshStillUnansweredWhenTheAllocationExpiresEndsIt() throws Exception {
        allocate();
        long allocatedAt = now;
        server.dropRequests = Integer.MAX_VALUE;

        advanceTo(allocatedAt + 700 * SECOND);

        assertThat(events).last().isEqualTo(new TurnEvent.Failed(TurnEvent.NO_RESPONSE,
                "no response from the TURN server"));
        assertThat(client.state()).isEqualTo(TurnClient.State.FAILED);
    }

    @Test
    void peerErrorsAreReportedPerPeer() throws Exception {
        allocate();
        server.errors.put(StunMethod.CREATE_PERMISSION, ErrorCodeAttribute.FORBIDDEN);
        server.errors.put(StunMethod.CHANNEL_BIND, ErrorCodeAttribute.BAD_REQUEST);

        client.createPermission(now, PEER.getAddress());
        client.bindChannel(now, PEER);
        exchange();

        assertThat(events).contains(new TurnEvent.PermissionFailed(PEER.getAddress(), 403, "scripted 403"),
                new TurnEvent.ChannelBindFailed(PEER, 0x4000, 400, "scripted 400"));
        assertThat(client.state()).isEqualTo(TurnClient.State.ALLOCATED);
        assertThatThrownBy(() -> client.send(now, PEER, new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void forgedResponsesAreDroppedAndTheRequestRetransmitted() throws Exception {
        allocate();
        server.forgeNext = true;
        client.createPermission(now, PEER.getAddress());
        exchange();
        assertThat(client.droppedDatagrams()).isEqualTo(1);
        assertThat(events).doesNotHaveAnyElementsOfTypes(TurnEvent.PermissionCreated.class);

        advanceTo(now + 500_000_000L);

        assertThat(events).contains(new TurnEvent.PermissionCreated(PEER.getAddress()));
    }

    @Test
    void sendsBySendIndicationThenChannelDataAndReceivesBoth() throws Exception {
        allocate();
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> client.send(now, PEER, hello, 0, hello.length))
                .isInstanceOf(IllegalStateException.class);

        client.createPermission(now, PEER.getAddress());
        client.send(now, PEER, hello, 0, hello.length);
        exchange();
        assertThat(server.sendIndications).singleElement().satisfies(m -> {
            assertThat(m.first(StunAttributeType.XOR_PEER_ADDRESS))
                    .isEqualTo(io.jrtc.stun.XorAddressAttribute.xorPeerAddress(PEER));
            assertThat(m.first(io.jrtc.stun.DataAttribute.class).data()).isEqualTo(hello);
        });

        client.bindChannel(now, PEER);
        exchange();
        client.send(now, PEER, hello, 1, 3);
        exchange();
        assertThat(server.channelData)
                .containsExactly(new ChannelData(0x4000, "ell".getBytes(StandardCharsets.US_ASCII)));

        byte[] indication = ScriptedTurnServer.dataIndication(PEER, new byte[] {1, 2});
        client.handleReceive(now, ScriptedTurnServer.ADDRESS, indication, 0, indication.length);
        byte[] channelData = {0x40, 0x00, 0x00, 0x01, 9, 0, 0, 0};
        client.handleReceive(now, ScriptedTurnServer.ADDRESS, channelData, 0, channelData.length);
        byte[] unknownChannel = {0x40, 0x07, 0x00, 0x01, 9};
        client.handleReceive(now, ScriptedTurnServer.ADDRESS, unknownChannel, 0, unknownChannel.length);
        InetSocketAddress stranger = new InetSocketAddress(ip("192.0.2.99"), 3478);
        client.handleReceive(now, stranger, indication, 0, indication.length);
        exchange();

        List<TurnEvent.DataReceived> received = events.stream().filter(TurnEvent.DataReceived.class::isInstance)
                .map(TurnEvent.DataReceived.class::cast).toList();
        assertThat(received).hasSize(2);
        assertThat(received.get(0).peer()).isEqualTo(PEER);
        assertThat(received.get(0).data()).containsExactly(1, 2);
        assertThat(received.get(1).peer()).isEqualTo(PEER);
        assertThat(received.get(1).data()).containsExactly(9);
        assertThat(client.droppedDatagrams()).isEqualTo(2);
    }

    @Test
    void wrongPasswordFailsAfterOneAuthenticatedAttempt() throws Exception {
        TurnClient wrong = new TurnClient(TurnClientConfig.of(ScriptedTurnServer.ADDRESS, ScriptedTurnServer.USER,
                "guess"), new Random(1));
        wrong.allocate(now);
        for (byte[] out; (out = wrong.pollTransmit()) != null; ) {
            for (byte[] answer : server.receive(out)) {
                wrong.handleReceive(now, ScriptedTurnServer.ADDRESS, answer, 0, answer.length);
            }
        }

        assertThat(server.requests).hasSize(2);
        assertThat(wrong.pollEvent()).isInstanceOf(TurnEvent.Failed.class)
                .satisfies(e -> assertThat(((TurnEvent.Failed) e).errorCode()).isEqualTo(401));
    }
}
