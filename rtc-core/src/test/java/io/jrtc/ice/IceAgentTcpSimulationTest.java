package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * Two agents on virtual time joined only by TCP (RFC 6544): the controlling one with an active candidate, the
 * controlled one with a passive candidate on a listening port. What the active side sends to the passive candidate
 * arrives from the stream's ephemeral address, as a real stream's packets would; answers on the stream come back
 * from the passive candidate's address. Each also has a UDP socket whose packets are lost, as where UDP is blocked.
 */
class IceAgentTcpSimulationTest {
    private static final long MS = 1_000_000L;
    private static final IceParameters CLIENT = new IceParameters("clnt", "clientpasswordclientpass");
    private static final IceParameters SERVER = new IceParameters("srvr", "serverpasswordserverpass");
    private static final InetSocketAddress LISTENING = SimPeer.address("192.0.2.10", 7882);
    private static final InetSocketAddress STREAM_FROM = SimPeer.address("192.0.2.20", 40123);
    private static final int UDP = 1;
    private static final int TCP = 2;

    @Test
    void anActiveClientAndAPassiveServerSelectTheStreamAndNothingElse() throws Exception {
        IceAgent client = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, CLIENT, 1, 1));
        IceAgent server = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLED, SERVER, 2, 2));
        client.addHostSocket(0, UDP, SimPeer.address("192.0.2.20", 5000));
        client.addActiveTcpSocket(0, TCP, InetAddress.getByName("192.0.2.20"));
        server.addHostSocket(0, UDP, SimPeer.address("192.0.2.10", 6000));
        server.addPassiveTcpSocket(0, TCP, LISTENING);
        client.setRemoteParameters(SERVER);
        server.setRemoteParameters(CLIENT);
        client.gather(0);
        server.gather(0);
        for (IceCandidate c : server.localCandidates()) {
            client.addRemoteCandidate(0, c);
        }
        for (IceCandidate c : client.localCandidates()) {
            server.addRemoteCandidate(0, c);
        }
        client.endOfRemoteCandidates(0);
        server.endOfRemoteCandidates(0);

        long now = 0;
        int udpLost = 0;
        while (now < 10_000 * MS && (client.selectedPair() == null || server.selectedPair() == null)) {
            udpLost += exchange(now, client, server);
            now = Math.min(client.pollTimeout(), server.pollTimeout());
            client.handleTimeout(now);
            server.handleTimeout(now);
        }

        assertThat(client.selectedPair()).as("the client selected a pair").isNotNull();
        assertThat(server.selectedPair()).as("the server selected a pair").isNotNull();
        assertThat(client.selectedPair().localSocketId()).isEqualTo(TCP);
        assertThat(client.selectedPair().remoteAddress()).isEqualTo(LISTENING);
        assertThat(client.selectedPair().remote().iceTcpType()).isEqualTo(IceTcpType.PASSIVE);
        assertThat(server.selectedPair().localSocketId()).isEqualTo(TCP);
        assertThat(server.selectedPair().remoteAddress()).isEqualTo(STREAM_FROM);
        assertThat(server.selectedPair().remote().type()).isEqualTo(IceCandidateType.PRFLX);
        assertThat(server.selectedPair().remote().iceTcpType()).isEqualTo(IceTcpType.ACTIVE);
        assertThat(client.connectionState()).isEqualTo(IceConnectionState.COMPLETED);
        assertThat(udpLost).as("UDP checks were tried, and lost").isPositive();
        assertThat(now).as("well before the UDP pairs' checks give up").isLessThan(2_000 * MS);
    }

    /** Delivers everything both agents queued, TCP through the one stream, and counts the UDP datagrams lost. */
    private static int exchange(long now, IceAgent client, IceAgent server) {
        int lost = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (IceTransmit t = client.pollTransmit(); t != null; t = client.pollTransmit()) {
                moved = true;
                if (t.socketId() == TCP && t.destination().equals(LISTENING)) {
                    server.handleReceive(now, TCP, STREAM_FROM, t.data(), 0, t.data().length);
                } else {
                    lost++;
                }
            }
            for (IceTransmit t = server.pollTransmit(); t != null; t = server.pollTransmit()) {
                moved = true;
                if (t.socketId() == TCP && t.destination().equals(STREAM_FROM)) {
                    client.handleReceive(now, TCP, LISTENING, t.data(), 0, t.data().length);
                } else {
                    lost++;
                }
            }
        }
        return lost;
    }
}
