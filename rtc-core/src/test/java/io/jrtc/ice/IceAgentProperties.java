package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Network bytes never throw out of the agent, and runs are deterministic. */
class IceAgentProperties {
    private final ScriptedPeer peer = new ScriptedPeer();

    @Property(tries = 500)
    void randomDatagramsNeverThrow(@ForAll @Size(max = 200) byte[] data) {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        ScriptedPeer.deliver(agent, 0, data);
        agent.handleTimeout(agent.pollTimeout());
        ScriptedPeer.drain(agent);
    }

    @Property(tries = 500)
    void mutatedChecksNeverThrow(@ForAll @IntRange(max = 200) int at, @ForAll byte xor,
            @ForAll @IntRange(max = 200) int cut, @ForAll boolean useCandidate) {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        byte[] request = peer.request(IceRole.CONTROLLED, 2, useCandidate);
        request[at % request.length] ^= xor;
        byte[] truncated = Arrays.copyOf(request, Math.min(cut, request.length));
        ScriptedPeer.deliver(agent, 0, request);
        ScriptedPeer.deliver(agent, 0, truncated);
        for (IceTransmit t : ScriptedPeer.drain(agent)) {
            assertThat(t.destination()).isEqualTo(ScriptedPeer.PEER_ADDRESS);
        }
    }

    private static List<String> trace(long seed) {
        Simulation sim = new Simulation(seed);
        sim.network.loss(0.1).delay(5 * Simulation.MS, 40 * Simulation.MS);
        SimPeer[] p = IceAgentSimulationTest.twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLING);
        sim.exchangeCandidates(p[0], p[1], true);
        List<String> out = new ArrayList<>();
        sim.afterEachStep(() -> out.add(sim.now() + " " + p[0].agent.connectionState() + " "
                + p[1].agent.connectionState() + " " + p[0].agent.pollTimeout() + " " + p[1].agent.pollTimeout()));
        sim.runFor(20 * Simulation.SECOND);
        return out;
    }

    @Property(tries = 5)
    void sameSeedsGiveTheSameRun(@ForAll @IntRange(min = 1, max = 1000) int seed) {
        assertThat(trace(seed)).isEqualTo(trace(seed));
    }
}
