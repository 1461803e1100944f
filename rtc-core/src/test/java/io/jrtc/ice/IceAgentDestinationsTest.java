package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The agent sends no datagram to a destination its {@link DestinationPolicy} forbids (issue 8): such remote
 * candidates are counted and ignored, and a check from such a source is dropped unanswered.
 */
class IceAgentDestinationsTest {
    private static final long MS = 1_000_000L;

    @Test
    void forbiddenCandidatesAreCountedIgnoredAndNeverChecked() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, ScriptedPeer.LOCAL, 1, 1)
                .withDestinations(DestinationPolicy.publicOnly()));
        agent.addHostSocket(0, 1, ScriptedPeer.AGENT_ADDRESS);
        agent.setRemoteParameters(ScriptedPeer.REMOTE);
        List<String> forbidden = List.of("169.254.169.254", "224.0.0.1", "255.255.255.255", "0.0.0.0", "10.0.0.2",
                "198.18.0.2", "192.168.1.1");
        int port = 7000;
        for (String address : forbidden) {
            agent.addRemoteCandidate(0, host(address, port++));
        }
        agent.addRemoteCandidate(0, host("203.0.113.9", 0));
        agent.addRemoteCandidate(0, host("127.0.0.1", 7100));
        agent.addRemoteCandidate(0, host("203.0.113.9", 7200));

        List<InetSocketAddress> destinations = destinationsUntil(agent, 2_000);

        assertThat(destinations).containsOnly(SimPeer.address("203.0.113.9", 7200));
        assertThat(agent.filteredDestinations()).isEqualTo(forbidden.size() + 1);
        assertThat(agent.pairs()).extracting(IceCandidatePair::remoteAddress)
                .containsExactly(SimPeer.address("203.0.113.9", 7200));
    }

    @Test
    void loopbackIsCheckedFromALoopbackSocketOnly() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, ScriptedPeer.LOCAL, 1, 1));
        agent.addHostSocket(0, 1, ScriptedPeer.AGENT_ADDRESS);
        agent.addHostSocket(0, 2, SimPeer.address("127.0.0.1", 5001));
        agent.setRemoteParameters(ScriptedPeer.REMOTE);
        agent.addRemoteCandidate(0, host("127.0.0.1", 7100));

        List<IceTransmit> sent = transmitsUntil(agent, 500);

        assertThat(sent).isNotEmpty().allSatisfy(t -> assertThat(t.socketId()).isEqualTo(2));
    }

    @Test
    void aCheckFromAForbiddenSourceIsNeitherAnsweredNorLearnt() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        ScriptedPeer peer = new ScriptedPeer();
        for (String source : List.of("169.254.169.254", "127.0.0.1", "224.0.0.1")) {
            byte[] good = peer.request(IceRole.CONTROLLING, 2, false);
            byte[] bad = java.util.Arrays.copyOf(good, good.length);
            bad[bad.length - 1] ^= 1; // a broken fingerprint is no reason to answer either
            agent.handleReceive(0, 1, SimPeer.address(source, 9000), good, 0, good.length);
            agent.handleReceive(0, 1, SimPeer.address(source, 9000), bad, 0, bad.length);
        }

        assertThat(ScriptedPeer.drain(agent)).isEmpty();
        assertThat(agent.remoteCandidates()).isEmpty();
        assertThat(agent.filteredDestinations()).isEqualTo(3);
    }

    private static IceCandidate host(String address, int port) {
        return new IceCandidate("f" + address.hashCode(), 1, "udp", 2130706431L, address, port,
                IceCandidateType.HOST, null, null, null);
    }

    private static List<IceTransmit> transmitsUntil(IceAgent agent, long millis) {
        List<IceTransmit> sent = new java.util.ArrayList<>();
        long now = 0;
        while (now <= millis * MS) {
            agent.handleTimeout(now);
            sent.addAll(ScriptedPeer.drain(agent));
            long next = agent.pollTimeout();
            now = next == Long.MAX_VALUE ? now + 10 * MS : Math.max(next, now + MS);
        }
        return sent;
    }

    private static List<InetSocketAddress> destinationsUntil(IceAgent agent, long millis) {
        return transmitsUntil(agent, millis).stream().map(IceTransmit::destination).toList();
    }
}
