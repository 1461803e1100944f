package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A peer cannot make the agent keep or check any number of addresses (IceAgentConfig limits). */
class IceAgentLimitsTest {
    @Test
    void remoteCandidatesPastTheLimitAreCountedAndIgnored() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, ScriptedPeer.LOCAL, 1, 1)
                .withLimits(32, 100));
        agent.addHostSocket(0, 1, ScriptedPeer.AGENT_ADDRESS);
        agent.setRemoteParameters(ScriptedPeer.REMOTE);

        for (int i = 0; i < 1000; i++) {
            agent.addRemoteCandidate(0, candidate(i));
        }

        assertThat(agent.remoteCandidates()).hasSize(32);
        assertThat(agent.ignoredRemoteCandidates()).isEqualTo(968);
        assertThat(agent.pairs()).hasSizeLessThanOrEqualTo(32);
    }

    @Test
    void theCheckListKeepsAtMostMaxPairs() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, ScriptedPeer.LOCAL, 1, 1)
                .withLimits(1000, 10));
        agent.addHostSocket(0, 1, ScriptedPeer.AGENT_ADDRESS);
        agent.setRemoteParameters(ScriptedPeer.REMOTE);

        for (int i = 0; i < 50; i++) {
            agent.addRemoteCandidate(0, candidate(i));
        }

        assertThat(agent.remoteCandidates()).hasSize(50);
        assertThat(agent.pairs()).hasSizeLessThanOrEqualTo(10);
    }

    private static IceCandidate candidate(int i) {
        return new IceCandidate(Integer.toString(i), 1, "udp", 1000 + i, "198.51.100." + (1 + i % 200),
                6000 + i, IceCandidateType.HOST, null, null, null);
    }
}
