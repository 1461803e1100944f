package io.jrtc.ice;

import static io.jrtc.ice.ScriptedPeer.LOCAL;
import static io.jrtc.ice.ScriptedPeer.REMOTE;
import static io.jrtc.ice.ScriptedPeer.drain;
import static io.jrtc.ice.ScriptedPeer.events;
import static io.jrtc.ice.ScriptedPeer.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A passive TCP host candidate (RFC 6544): announced with its direction and priority, never checked from, and
 * checked over a stream the peer opened, whose far end becomes a peer-reflexive active candidate.
 */
class IceAgentPassiveTcpTest {
    private static final InetSocketAddress LISTENING = SimPeer.address("192.0.2.1", 443);
    private static final InetSocketAddress STREAM_PEER = SimPeer.address("198.51.100.1", 51234);
    private static final int UDP_SOCKET = 1;
    private static final int TCP_SOCKET = 2;
    private final ScriptedPeer peer = new ScriptedPeer();

    private static IceAgent agentWithPassiveTcp() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        agent.addPassiveTcpSocket(0, TCP_SOCKET, LISTENING);
        agent.gather(0);
        return agent;
    }

    @Test
    void thePassiveCandidateIsAnnouncedWithTcptypeAndTheTcpHostPriority() throws Exception {
        IceAgent agent = agentWithPassiveTcp();

        IceCandidate tcp = agent.localCandidates().stream().filter(IceCandidate::isTcp).findFirst().orElseThrow();
        assertThat(tcp.toSdpValue()).matches("candidate:\\d+ 1 tcp \\d+ 192\\.0\\.2\\.1 443 typ host tcptype passive");
        assertThat(tcp.priority()).isEqualTo(IcePriority.candidatePriority(90, (4 << 13) | (2 << 11) | 0x7FF, 1));
        IceCandidate udp = agent.localCandidates().stream().filter(c -> !c.isTcp()).findFirst().orElseThrow();
        assertThat(tcp.priority()).isLessThan(udp.priority());
        assertThat(tcp.foundation()).isNotEqualTo(udp.foundation());
        assertThat(events(agent)).filteredOn(e -> e instanceof IceEvent.CandidateGathered)
                .extracting(e -> ((IceEvent.CandidateGathered) e).candidate()).contains(tcp, udp);
    }

    @Test
    void signalledTcpCandidatesPairWithNoUdpSocketAndActiveOnesNotWithThePassive() throws Exception {
        IceAgent agent = agentWithPassiveTcp();

        agent.addRemoteCandidate(0, IceCandidate.parse("candidate:1 1 tcp 1518280447 198.51.100.1 9 typ host "
                + "tcptype active"));
        agent.addRemoteCandidate(0, IceCandidate.parse("candidate:2 1 tcp 1518214911 198.51.100.1 7000 typ host "
                + "tcptype passive"));

        assertThat(agent.remoteCandidates()).hasSize(2);
        assertThat(agent.pairs()).isEmpty();
        assertThat(drain(agent)).isEmpty();
    }

    @Test
    void aCheckOnAStreamLearnsAnActivePeerReflexiveCandidateAndIsAnsweredAndCheckedBackOnThatStream() {
        IceAgent agent = agentWithPassiveTcp();
        byte[] request = peer.request(IceRole.CONTROLLING, 2, true);

        agent.handleReceive(0, TCP_SOCKET, STREAM_PEER, request, 0, request.length);

        List<IceTransmit> out = drain(agent);
        assertThat(out).hasSize(2).allSatisfy(t -> {
            assertThat(t.socketId()).isEqualTo(TCP_SOCKET);
            assertThat(t.destination()).isEqualTo(STREAM_PEER);
        });
        assertThat(parse(out.get(0)).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(parse(out.get(0)).xorMappedAddress()).isEqualTo(STREAM_PEER);
        StunMessage triggered = parse(out.get(1));
        assertThat(triggered.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(triggered.username()).isEqualTo(REMOTE.usernameFragment() + ":" + LOCAL.usernameFragment());
        assertThat(triggered.priority()).isEqualTo(IcePriority.candidatePriority(80, (4 << 13) | (2 << 11) | 0x7FF, 1));
        IceCandidate learnt = agent.remoteCandidates().get(0);
        assertThat(learnt.toSdpValue()).endsWith("198.51.100.1 51234 typ prflx tcptype active");
        assertThat(agent.pairs()).singleElement().satisfies(p -> {
            assertThat(p.local().isTcp()).isTrue();
            assertThat(p.localSocketId()).isEqualTo(TCP_SOCKET);
            assertThat(p.remote()).isEqualTo(learnt);
        });
    }

    @Test
    void theStreamPairIsSelectedWhenItsCheckSucceedsAfterTheNomination() throws Exception {
        IceAgent agent = agentWithPassiveTcp();
        byte[] request = peer.request(IceRole.CONTROLLING, 2, true);
        agent.handleReceive(0, TCP_SOCKET, STREAM_PEER, request, 0, request.length);
        IceTransmit check = drain(agent).get(1);

        byte[] answer = ScriptedPeer.successFor(check.data(), LISTENING, REMOTE.password());
        agent.handleReceive(1, TCP_SOCKET, STREAM_PEER, answer, 0, answer.length);

        assertThat(agent.selectedPair()).isNotNull();
        assertThat(agent.selectedPair().localSocketId()).isEqualTo(TCP_SOCKET);
        assertThat(agent.selectedPair().remoteAddress()).isEqualTo(STREAM_PEER);
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CONNECTED);
        assertThat(agent.localCandidates()).filteredOn(c -> c.type() == IceCandidateType.PRFLX).isEmpty();
    }

    @Test
    void aUdpCheckFromTheSameAddressStaysAUdpCandidate() {
        IceAgent agent = agentWithPassiveTcp();
        byte[] overTcp = peer.request(IceRole.CONTROLLING, 2, false);
        byte[] overUdp = peer.request(IceRole.CONTROLLING, 2, false);

        agent.handleReceive(0, TCP_SOCKET, STREAM_PEER, overTcp, 0, overTcp.length);
        agent.handleReceive(0, UDP_SOCKET, STREAM_PEER, overUdp, 0, overUdp.length);

        assertThat(agent.remoteCandidates()).extracting(IceCandidate::protocol).containsExactly("tcp", "udp");
        assertThat(agent.pairs()).extracting(IceCandidatePair::localSocketId)
                .containsExactlyInAnyOrder(TCP_SOCKET, UDP_SOCKET);
    }
}
