package io.jrtc.ice;

import static io.jrtc.ice.Simulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ICE-lite (RFC 8445 §2.5) on the virtual clock: our lite agent against our full agent. The lite one sends no
 * check and nominates nothing, the full one controls and nominates whatever role signalling gave it, and a lite
 * connection without checks from its peer fails after the failed timeout.
 */
class IceLiteSimulationTest {
    private static IceAgentConfig lite(long seed) {
        return IceAgentSimulationTest.config(IceRole.CONTROLLING, 20, seed).withLite(true);
    }

    /** A full agent with the role signalling would give it, and a lite one, candidates and parameters exchanged. */
    private static SimPeer[] fullAndLite(Simulation sim, IceRole fullRole) {
        SimPeer full = sim.peer("full", IceAgentSimulationTest.config(fullRole, 10, 1))
                .socket(sim.now(), 1, "192.0.2.1", 5000);
        SimPeer lite = sim.peer("lite", lite(2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        IceParameters liteParameters = lite.agent.localParameters();
        full.agent.setRemoteParameters(new IceParameters(liteParameters.usernameFragment(),
                liteParameters.password(), true));
        lite.agent.setRemoteParameters(full.agent.localParameters());
        full.agent.gather(sim.now());
        lite.agent.gather(sim.now());
        sim.exchangeCandidates(full, lite, true);
        return new SimPeer[] {full, lite};
    }

    @ParameterizedTest(name = "the full agent signalled {0}")
    @EnumSource(IceRole.class)
    void liteAndFullConnectWithTheFullAgentControllingAndNominating(IceRole signalled) {
        Simulation sim = new Simulation(7);
        SimPeer[] peers = fullAndLite(sim, signalled);
        SimPeer full = peers[0];
        SimPeer lite = peers[1];
        lite.agent.setRole(IceRole.CONTROLLING); // what an offering lite peer connection would ask: ignored

        assertThat(sim.runUntil(() -> IceAgentSimulationTest.connected(full) && IceAgentSimulationTest.connected(lite)
                && full.agent.selectedPair().nominated(), 5 * SECOND)).isTrue();

        assertThat(full.agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(lite.agent.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(lite.agent.selectedPair().nominated()).as("nominated by the full agent").isTrue();
        assertThat(full.agent.selectedPair().nominated()).isTrue();
        assertThat(lite.agent.pairs()).allSatisfy(p -> assertThat(p.requestsSent()).isZero());
        assertThat(full.agent.pairs()).allSatisfy(p -> assertThat(p.requestsReceived()).isZero());
    }

    @Test
    void aLiteConnectionStaysUpOnTheFullAgentsConsentChecksAndSendsNone() {
        Simulation sim = new Simulation(8);
        SimPeer[] peers = fullAndLite(sim, IceRole.CONTROLLED);
        SimPeer full = peers[0];
        SimPeer lite = peers[1];
        sim.afterEachStep(() -> {
            full.sendAppData(sim.now());
            lite.sendAppData(sim.now());
        });

        assertThat(sim.runUntil(() -> false, 120 * SECOND)).isFalse();

        assertThat(lite.agent.connectionState()).isIn(IceConnectionState.CONNECTED, IceConnectionState.COMPLETED);
        assertThat(full.agent.connectionState()).isIn(IceConnectionState.CONNECTED, IceConnectionState.COMPLETED);
        assertThat(lite.agent.selectedPair().requestsSent()).isZero();
        assertThat(lite.agent.selectedPair().requestsReceived()).as("the full agent's consent checks")
                .isGreaterThanOrEqualTo(120 / 6);
    }

    @Test
    void aLiteConnectionFailsAfterTheFailedTimeoutWithoutAnIncomingCheck() {
        Simulation sim = new Simulation(9);
        SimPeer[] peers = fullAndLite(sim, IceRole.CONTROLLED);
        SimPeer full = peers[0];
        SimPeer lite = peers[1];
        assertThat(sim.runUntil(() -> IceAgentSimulationTest.connected(lite), 5 * SECOND)).isTrue();
        long lastCheck = sim.now();
        full.agent.close(); // the peer goes away: no check, no consent

        assertThat(sim.runUntil(() -> lite.agent.connectionState() == IceConnectionState.FAILED, 60 * SECOND))
                .isTrue();

        long failedAfter = sim.now() - lastCheck;
        assertThat(failedAfter).isBetween(30 * SECOND - 100_000_000L, 31 * SECOND);
    }

    @Test
    void aLiteAgentThatNeverHearsACheckFailsAfterTheFailedTimeout() {
        Simulation sim = new Simulation(10);
        SimPeer lite = sim.peer("lite", lite(2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        long start = sim.now();
        lite.agent.setRemoteParameters(IceParameters.random(new Random(3)));
        lite.agent.addRemoteCandidate(sim.now(), new IceCandidate("1", 1, "udp", 2130706431L, "192.0.2.1", 5000,
                IceCandidateType.HOST, null, null, null));

        assertThat(sim.runUntil(() -> lite.agent.connectionState() == IceConnectionState.FAILED, 60 * SECOND))
                .isTrue();

        assertThat(sim.now() - start).isEqualTo(30 * SECOND);
        assertThat(lite.agent.pairs()).allSatisfy(p -> assertThat(p.requestsSent()).isZero());
    }
}
