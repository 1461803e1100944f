package io.jrtc.ice;

import static io.jrtc.ice.Simulation.MS;
import static io.jrtc.ice.Simulation.SECOND;

import org.junit.jupiter.api.Test;

class ScratchDebugTest {
    @Test
    void debug() {
        long seed = 210;
        Simulation sim = new Simulation(seed);
        sim.network.loss(0.25).duplicates(0.1).delay(5 * MS, 150 * MS);
        SimPeer a = sim.peer("A", IceAgentSimulationTest.config(IceRole.CONTROLLING, seed * 7919, seed))
                .socket(sim.now(), 1, "192.0.2.1", 5000).socket(sim.now(), 2, "2001:db8::1", 5000);
        SimPeer b = sim.peer("B", IceAgentSimulationTest.config(IceRole.CONTROLLING, seed * 104729, seed + 1))
                .socket(sim.now(), 1, "198.51.100.1", 6000).socket(sim.now(), 2, "2001:db8::2", 6000);
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.exchangeCandidates(a, b, true);
        final int[] seen = {0, 0};
        sim.afterEachStep(() -> {
            for (int i = seen[0]; i < a.events.size(); i++) {
                System.out.println((sim.now() / MS - 1_000_000) + " A " + a.events.get(i) + " " + a.agent.role());
            }
            seen[0] = a.events.size();
            for (int i = seen[1]; i < b.events.size(); i++) {
                System.out.println((sim.now() / MS - 1_000_000) + " B " + b.events.get(i) + " " + b.agent.role());
            }
            seen[1] = b.events.size();
        });
        sim.runUntil(() -> IceAgentSimulationTest.connected(a) && IceAgentSimulationTest.connected(b)
                && a.agent.selectedPair().nominated() && b.agent.selectedPair().nominated(), 20 * SECOND);
        System.out.println("RESTART at " + (sim.now() / MS - 1_000_000));
        int ea = a.events.size();
        int eb = b.events.size();
        java.util.Random r = new java.util.Random(seed);
        a.agent.restart(sim.now(), IceParameters.random(r));
        b.agent.restart(sim.now(), IceParameters.random(r));
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.drainAll();
        for (IceEvent e : a.events.subList(ea, a.events.size())) {
            if (e instanceof IceEvent.CandidateGathered g) b.agent.addRemoteCandidate(sim.now(), g.c());
        }
        for (IceEvent e : b.events.subList(eb, b.events.size())) {
            if (e instanceof IceEvent.CandidateGathered g) a.agent.addRemoteCandidate(sim.now(), g.c());
        }
        sim.runFor(90 * SECOND);
        System.out.println("A sel " + a.agent.selectedPair() + " pairs " + a.agent.pairs());
        System.out.println("B sel " + b.agent.selectedPair() + " pairs " + b.agent.pairs());
    }
}
