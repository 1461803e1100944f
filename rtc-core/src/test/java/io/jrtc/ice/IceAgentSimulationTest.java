package io.jrtc.ice;

import static io.jrtc.ice.Simulation.MS;
import static io.jrtc.ice.Simulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two agents on a simulated network and a virtual clock. */
class IceAgentSimulationTest {
    static IceAgentConfig config(IceRole role, long tieBreaker, long seed) {
        return IceAgentConfig.defaults(role, IceParameters.random(new Random(seed)), tieBreaker, seed);
    }

    static boolean connected(SimPeer p) {
        IceConnectionState s = p.agent.connectionState();
        return s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED;
    }

    @Test
    void controllingAndControlledConnect() {
        Simulation sim = new Simulation(1);
        SimPeer a = sim.peer("A", config(IceRole.CONTROLLING, 10, 1)).socket(sim.now(), 1, "192.0.2.1", 5000);
        SimPeer b = sim.peer("B", config(IceRole.CONTROLLED, 20, 2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.exchangeCandidates(a, b, true);

        assertThat(sim.runUntil(() -> connected(a) && connected(b), 5 * SECOND)).isTrue();

        assertThat(a.agent.selectedPair().remoteAddress()).isEqualTo(SimPeer.address("198.51.100.1", 6000));
        assertThat(b.agent.selectedPair().remoteAddress()).isEqualTo(SimPeer.address("192.0.2.1", 5000));
        assertThat(b.agent.selectedPair().nominated()).isTrue();
        assertThat(a.states).startsWith(IceConnectionState.CHECKING, IceConnectionState.CONNECTED);
        assertThat(sim.now()).isLessThan(1_000 * SECOND + 2 * SECOND);
    }

    @Test
    void connectsThroughARelayedCandidateAlone() {
        Simulation sim = new Simulation(41);
        InetSocketAddress relayed = SimPeer.address("203.0.113.200", 50000);
        SimPeer a = sim.peer("A", config(IceRole.CONTROLLING, 10, 1)).relaySocket(sim.now(), 7, relayed,
                SimPeer.address("192.0.2.1", 5000), SimPeer.address("203.0.113.200", 3478));
        SimPeer b = sim.peer("B", config(IceRole.CONTROLLED, 20, 2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.exchangeCandidates(a, b, true);

        assertThat(sim.runUntil(() -> connected(a) && connected(b), 5 * SECOND)).isTrue();

        assertThat(a.agent.selectedPair().local().type()).isEqualTo(IceCandidateType.RELAY);
        assertThat(a.agent.selectedPair().localSocketId()).isEqualTo(7);
        assertThat(b.agent.selectedPair().remoteAddress()).isEqualTo(relayed);
        assertThat(b.agent.selectedPair().remote().type()).isEqualTo(IceCandidateType.RELAY);
        assertThat(a.agent.localCandidates()).extracting(IceCandidate::type).containsOnly(IceCandidateType.RELAY);
    }

    /** A controlling A and a controlled B, one host socket each, parameters exchanged and gathering done. */
    static SimPeer[] twoPeers(Simulation sim, IceRole roleA, IceRole roleB) {
        SimPeer a = sim.peer("A", config(roleA, 10, 1)).socket(sim.now(), 1, "192.0.2.1", 5000);
        SimPeer b = sim.peer("B", config(roleB, 20, 2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        return new SimPeer[] {a, b};
    }

    static SimPeer[] connectedPeers(Simulation sim) {
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        sim.exchangeCandidates(p[0], p[1], true);
        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 5 * SECOND)).isTrue();
        return p;
    }

    @Test
    void endOfCandidatesAndNominationComplete() {
        Simulation sim = new Simulation(3);
        SimPeer[] p = connectedPeers(sim);
        sim.runFor(2 * SECOND);

        assertThat(p[0].agent.connectionState()).isEqualTo(IceConnectionState.COMPLETED);
        assertThat(p[1].agent.connectionState()).isEqualTo(IceConnectionState.COMPLETED);
        assertThat(p[0].agent.selectedPair().nominated()).isTrue();
        assertThat(p[0].eventsOf(IceEvent.SelectedPairChanged.class)).hasSize(1);
        assertThat(p[1].eventsOf(IceEvent.SelectedPairChanged.class)).hasSize(1);
        IceCandidatePair pair = p[0].agent.selectedPair();
        assertThat(pair.state()).isEqualTo(IceCandidatePairState.SUCCEEDED);
        assertThat(pair.requestsSent()).isPositive();
        assertThat(pair.responsesReceived()).isPositive();
        assertThat(pair.requestsReceived()).isPositive();
        assertThat(pair.responsesSent()).isEqualTo(pair.requestsReceived());
        assertThat(pair.currentRoundTripTimeNanos()).isEqualTo(20 * MS);
        assertThat(pair.totalRoundTripTimeNanos()).isGreaterThanOrEqualTo(20 * MS);
    }

    @Test
    void bothControllingResolveTheRoleConflict() {
        Simulation sim = new Simulation(4);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLING);
        sim.exchangeCandidates(p[0], p[1], true);

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 5 * SECOND)).isTrue();

        // B has the larger tie-breaker (20 > 10), so A gives in and becomes controlled.
        assertThat(p[0].agent.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(p[1].agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(p[0].eventsOf(IceEvent.RoleChanged.class))
                .containsExactly(new IceEvent.RoleChanged(IceRole.CONTROLLED));
        assertThat(p[1].eventsOf(IceEvent.RoleChanged.class)).isEmpty();
        assertThat(p[0].agent.selectedPair().nominated()).isTrue();
    }

    @Test
    void bothControlledResolveTheRoleConflict() {
        Simulation sim = new Simulation(5);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLED, IceRole.CONTROLLED);
        sim.exchangeCandidates(p[0], p[1], true);

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 5 * SECOND)).isTrue();

        assertThat(p[1].agent.role()).isEqualTo(IceRole.CONTROLLING);
        assertThat(p[0].agent.role()).isEqualTo(IceRole.CONTROLLED);
    }

    @Test
    void peerReflexiveCandidateIsLearntFromChecks() {
        Simulation sim = new Simulation(6);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        sim.drainAll();
        // Only A learns B's candidates; B sees A only through A's checks.
        for (IceCandidate c : p[1].gatheredCandidates()) {
            p[0].agent.addRemoteCandidate(sim.now(), c);
        }

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 5 * SECOND)).isTrue();

        assertThat(p[1].agent.remoteCandidates()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(IceCandidateType.PRFLX))
                .satisfies(c -> assertThat(c.address()).isEqualTo("192.0.2.1"));
        assertThat(p[1].agent.selectedPair().remote().type()).isEqualTo(IceCandidateType.PRFLX);
    }

    @Test
    void peerReflexiveRemoteIsReplacedWhenItsCandidateArrives() {
        Simulation sim = new Simulation(7);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        sim.drainAll();
        for (IceCandidate c : p[1].gatheredCandidates()) {
            p[0].agent.addRemoteCandidate(sim.now(), c);
        }
        sim.runUntil(() -> connected(p[1]), 5 * SECOND);

        for (IceCandidate c : p[0].gatheredCandidates()) {
            p[1].agent.addRemoteCandidate(sim.now(), c);
        }

        assertThat(p[1].agent.remoteCandidates()).singleElement()
                .satisfies(c -> assertThat(c.type()).isEqualTo(IceCandidateType.HOST));
        assertThat(p[1].agent.selectedPair().remote().type()).isEqualTo(IceCandidateType.HOST);
        assertThat(p[1].agent.pairs()).hasSize(1);
    }

    @Test
    void agentBehindNatLearnsLocalPeerReflexiveCandidate() {
        Simulation sim = new Simulation(8);
        SimPeer a = sim.peer("A", config(IceRole.CONTROLLING, 10, 1)).socket(sim.now(), 1, "10.0.0.2", 5000);
        SimPeer b = sim.peer("B", config(IceRole.CONTROLLED, 20, 2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        sim.network.mapNat(SimPeer.address("10.0.0.2", 5000), SimPeer.address("203.0.113.9", 40000));
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.exchangeCandidates(a, b, false);

        assertThat(sim.runUntil(() -> connected(a) && connected(b), 5 * SECOND)).isTrue();

        assertThat(a.agent.localCandidates()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo(IceCandidateType.PRFLX);
            assertThat(c.address()).isEqualTo("203.0.113.9");
            assertThat(c.port()).isEqualTo(40000);
        });
        assertThat(b.agent.selectedPair().remoteAddress()).isEqualTo(SimPeer.address("203.0.113.9", 40000));
    }

    @Test
    void trickledCandidatesConnectLate() {
        Simulation sim = new Simulation(9);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        sim.runFor(3 * SECOND);
        assertThat(p[0].agent.connectionState()).isEqualTo(IceConnectionState.NEW);

        sim.drainAll();
        for (IceCandidate c : p[0].gatheredCandidates()) {
            p[1].agent.addRemoteCandidate(sim.now(), c);
        }
        sim.runFor(500 * MS);
        for (IceCandidate c : p[1].gatheredCandidates()) {
            p[0].agent.addRemoteCandidate(sim.now(), c);
        }
        p[0].agent.endOfRemoteCandidates(sim.now());
        p[1].agent.endOfRemoteCandidates(sim.now());

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 5 * SECOND)).isTrue();
    }

    @Test
    void checksStartBeforeTheRemoteParametersArrive() {
        Simulation sim = new Simulation(10);
        SimPeer a = sim.peer("A", config(IceRole.CONTROLLING, 10, 1)).socket(sim.now(), 1, "192.0.2.1", 5000);
        SimPeer b = sim.peer("B", config(IceRole.CONTROLLED, 20, 2)).socket(sim.now(), 1, "198.51.100.1", 6000);
        // The offerer A gets the answer late: B already checks A.
        b.agent.setRemoteParameters(a.agent.localParameters());
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.drainAll();
        for (IceCandidate c : a.gatheredCandidates()) {
            b.agent.addRemoteCandidate(sim.now(), c);
        }
        sim.runFor(1 * SECOND);
        assertThat(a.agent.pairs()).singleElement()
                .satisfies(pair -> assertThat(pair.requestsReceived()).isPositive());

        a.agent.setRemoteParameters(b.agent.localParameters());
        for (IceCandidate c : b.gatheredCandidates()) {
            a.agent.addRemoteCandidate(sim.now(), c);
        }

        assertThat(sim.runUntil(() -> connected(a) && connected(b), 5 * SECOND)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18})
    void connectsDespiteLossReorderingAndDuplicates(long seed) {
        Simulation sim = new Simulation(seed);
        sim.network.loss(0.2).duplicates(0.1).delay(5 * MS, 80 * MS);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        sim.exchangeCandidates(p[0], p[1], true);

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 15 * SECOND)).isTrue();

        sim.runFor(120 * SECOND);
        assertThat(connected(p[0]) && connected(p[1])).as("still up after two minutes of 20%% loss").isTrue();
        assertThat(p[0].states).doesNotContain(IceConnectionState.FAILED);
        assertThat(p[0].agent.selectedPair().remoteAddress()).isEqualTo(SimPeer.address("198.51.100.1", 6000));
    }

    @Test
    void totalLossFailsOnceChecksAreExhausted() {
        Simulation sim = new Simulation(19);
        sim.network.loss(1.0);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        long start = sim.now();
        sim.exchangeCandidates(p[0], p[1], true);

        assertThat(sim.runUntil(() -> p[0].agent.connectionState() == IceConnectionState.FAILED
                && p[1].agent.connectionState() == IceConnectionState.FAILED, 60 * SECOND)).isTrue();

        assertThat(sim.now() - start).isBetween(5 * SECOND, 12 * SECOND);
        assertThat(p[0].states).containsExactly(IceConnectionState.CHECKING, IceConnectionState.FAILED);
        assertThat(p[0].agent.pairs()).allSatisfy(pair ->
                assertThat(pair.state()).isEqualTo(IceCandidatePairState.FAILED));
        assertThat(p[0].agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void totalLossWithoutEndOfCandidatesFailsAfterTheFailedTimeout() {
        Simulation sim = new Simulation(20);
        sim.network.loss(1.0);
        SimPeer[] p = twoPeers(sim, IceRole.CONTROLLING, IceRole.CONTROLLED);
        long start = sim.now();
        sim.exchangeCandidates(p[0], p[1], false);

        assertThat(sim.runUntil(() -> p[0].agent.connectionState() == IceConnectionState.FAILED, 60 * SECOND))
                .isTrue();

        assertThat(sim.now() - start).isEqualTo(IceAgentConfig.DEFAULT_FAILED_TIMEOUT_NANOS);
    }

    @Test
    void lostConsentFailsAfterThirtySeconds() {
        Simulation sim = new Simulation(21);
        SimPeer[] p = connectedPeers(sim);
        sim.runFor(7 * SECOND);
        long lastResponse = p[0].agent.selectedPair().lastPacketReceivedNanos();

        sim.network.loss(1.0);
        assertThat(sim.runUntil(() -> p[0].agent.connectionState() == IceConnectionState.FAILED, 60 * SECOND))
                .isTrue();

        assertThat(sim.now() - lastResponse).isBetween(29 * SECOND, 30 * SECOND);
        assertThat(p[0].states).containsSubsequence(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
        sim.runUntil(() -> p[1].agent.connectionState() == IceConnectionState.FAILED, 5 * SECOND);
        assertThat(p[1].agent.connectionState()).isEqualTo(IceConnectionState.FAILED);
    }

    @Test
    void disconnectedAndRecovered() {
        Simulation sim = new Simulation(22);
        SimPeer[] p = connectedPeers(sim);
        sim.runFor(3 * SECOND);

        sim.network.loss(1.0);
        assertThat(sim.runUntil(() -> p[0].agent.connectionState() == IceConnectionState.DISCONNECTED
                && p[1].agent.connectionState() == IceConnectionState.DISCONNECTED, 10 * SECOND)).isTrue();
        sim.runFor(5 * SECOND);
        sim.network.loss(0);

        assertThat(sim.runUntil(() -> connected(p[0]) && connected(p[1]), 3 * SECOND)).isTrue();
        sim.runFor(60 * SECOND);
        assertThat(connected(p[0]) && connected(p[1])).isTrue();
        assertThat(p[0].states).doesNotContain(IceConnectionState.FAILED);
    }

    @Test
    void quietPeersStayConnectedOnConsentAlone() {
        Simulation sim = new Simulation(23);
        SimPeer[] p = connectedPeers(sim);

        sim.runFor(120 * SECOND);

        assertThat(p[0].states).doesNotContain(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
        assertThat(p[1].states).doesNotContain(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
        // 5 s +-20 % over two minutes: about 24 consent checks, and a few probes.
        long sent = p[0].agent.selectedPair().requestsSent();
        assertThat(sent).isBetween(20L, 60L);
    }

    @Test
    void applicationTrafficCountsAsActivity() {
        Simulation sim = new Simulation(24);
        SimPeer[] p = connectedPeers(sim);
        long before = p[1].agent.selectedPair().lastPacketReceivedNanos();
        sim.runFor(10 * MS);

        p[0].sendAppData(sim.now());
        sim.runFor(50 * MS);

        assertThat(p[1].agent.selectedPair().lastPacketReceivedNanos()).isGreaterThan(before);
    }

    @Test
    void restartKeepsConnectivity() {
        Simulation sim = new Simulation(25);
        SimPeer[] p = connectedPeers(sim);
        sim.runFor(2 * SECOND);
        IceCandidatePair oldA = p[0].agent.selectedPair();
        IceCandidatePair oldB = p[1].agent.selectedPair();
        int eventsA = p[0].events.size();
        int eventsB = p[1].events.size();
        int statesA = p[0].states.size();
        int statesB = p[1].states.size();
        Random r = new Random(99);

        p[0].agent.restart(sim.now(), IceParameters.random(r));
        p[1].agent.restart(sim.now(), IceParameters.random(r));
        assertThat(p[0].agent.pairs()).isEmpty();
        assertThat(p[0].agent.selectedPair()).isSameAs(oldA);
        sim.runFor(8 * SECOND);
        assertThat(connected(p[0]) && connected(p[1])).as("old pair kept alive by consent").isTrue();

        Simulation.exchangeParameters(p[0], p[1]);
        p[0].agent.gather(sim.now());
        p[1].agent.gather(sim.now());
        sim.drainAll();
        addCandidatesAfter(p[0], eventsA, p[1], sim.now());
        addCandidatesAfter(p[1], eventsB, p[0], sim.now());

        assertThat(sim.runUntil(() -> p[0].agent.selectedPair() != oldA && p[1].agent.selectedPair() != oldB,
                5 * SECOND)).isTrue();
        p[0].agent.endOfRemoteCandidates(sim.now());
        p[1].agent.endOfRemoteCandidates(sim.now());
        sim.runFor(60 * SECOND);

        // completed -> connected while the restart checks again, then completed once nominated anew.
        assertThat(p[0].states.subList(statesA, p[0].states.size()))
                .containsExactly(IceConnectionState.CONNECTED, IceConnectionState.COMPLETED);
        assertThat(p[1].states.subList(statesB, p[1].states.size()))
                .containsExactly(IceConnectionState.CONNECTED, IceConnectionState.COMPLETED);
        assertThat(p[0].agent.selectedPair().nominated()).isTrue();
        assertThat(p[1].agent.selectedPair().nominated()).isTrue();
        assertThat(p[0].agent.selectedPair().remoteAddress()).isEqualTo(oldA.remoteAddress());
        assertThat(p[0].agent.selectedPair().lastPacketReceivedNanos()).isGreaterThan(sim.now() - 7 * SECOND);
    }

    @Test
    void restartOfferedByOneSideAndAnsweredByTheOther() {
        Simulation sim = new Simulation(27);
        SimPeer[] p = connectedPeers(sim);
        IceCandidatePair oldA = p[0].agent.selectedPair();
        IceCandidatePair oldB = p[1].agent.selectedPair();
        int eventsA = p[0].events.size();
        int eventsB = p[1].events.size();
        Random r = new Random(7);

        // Offer from A with new credentials; B learns them before it restarts itself for the answer.
        p[0].agent.restart(sim.now(), IceParameters.random(r));
        p[0].agent.gather(sim.now());
        sim.runFor(200 * MS);
        p[1].agent.setRemoteParameters(p[0].agent.localParameters());
        addCandidatesAfter(p[0], eventsA, p[1], sim.now());
        sim.runFor(200 * MS);
        p[1].agent.restart(sim.now(), IceParameters.random(r));
        p[1].agent.gather(sim.now());
        sim.runFor(200 * MS);
        p[0].agent.setRemoteParameters(p[1].agent.localParameters());
        sim.drainAll();
        addCandidatesAfter(p[1], eventsB, p[0], sim.now());

        assertThat(sim.runUntil(() -> p[0].agent.selectedPair() != oldA && p[1].agent.selectedPair() != oldB,
                5 * SECOND)).isTrue();
        sim.runFor(60 * SECOND);
        assertThat(connected(p[0]) && connected(p[1])).isTrue();
        assertThat(p[0].states).doesNotContain(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
        assertThat(p[1].states).doesNotContain(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
    }

    @Test
    void oldCredentialsAreRefusedOnceTheRestartIsOver() {
        Simulation sim = new Simulation(28);
        SimPeer[] p = connectedPeers(sim);
        IceParameters old = p[0].agent.localParameters();
        Random r = new Random(8);
        int eventsA = p[0].events.size();
        int eventsB = p[1].events.size();
        p[0].agent.restart(sim.now(), IceParameters.random(r));
        p[1].agent.restart(sim.now(), IceParameters.random(r));
        Simulation.exchangeParameters(p[0], p[1]);
        p[0].agent.gather(sim.now());
        p[1].agent.gather(sim.now());
        sim.drainAll();
        addCandidatesAfter(p[0], eventsA, p[1], sim.now());
        addCandidatesAfter(p[1], eventsB, p[0], sim.now());
        sim.runFor(2 * SECOND);

        ScriptedPeer script = new ScriptedPeer();
        IceAgent probe = p[0].agent;
        StunMessage stale = new StunMessage(StunMethod.BINDING, StunClass.REQUEST, script.newTransactionId(),
                List.of(new UsernameAttribute(old.usernameFragment() + ":x"), new PriorityAttribute(1)));
        sim.drainAll();
        byte[] bytes = ScriptedPeer.encode(stale, old.password(), true);
        probe.handleReceive(sim.now(), 1, SimPeer.address("198.51.100.1", 6000), bytes, 0, bytes.length);

        IceTransmit answer = probe.pollTransmit();
        assertThat(ScriptedPeer.parse(answer).errorCode().code()).isEqualTo(401);
    }

    private static void addCandidatesAfter(SimPeer from, int eventIndex, SimPeer to, long now) {
        List<IceEvent> fresh = from.events.subList(eventIndex, from.events.size());
        for (IceEvent e : fresh) {
            if (e instanceof IceEvent.CandidateGathered g) {
                to.agent.addRemoteCandidate(now, g.c());
            }
        }
    }

    @Test
    void closeStopsEverything() {
        Simulation sim = new Simulation(26);
        SimPeer[] p = connectedPeers(sim);

        p[0].agent.close();

        assertThat(p[0].agent.connectionState()).isEqualTo(IceConnectionState.CLOSED);
        assertThat(p[0].agent.pollTransmit()).isNull();
        assertThat(p[0].agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
        p[0].drain(sim.now());
        assertThat(p[0].states).endsWith(IceConnectionState.CLOSED);
        long delivered = sim.network.delivered();
        sim.runUntil(() -> p[1].agent.connectionState() == IceConnectionState.FAILED, 40 * SECOND);
        assertThat(p[1].agent.connectionState()).isEqualTo(IceConnectionState.FAILED);
        assertThat(p[0].events).last().isEqualTo(new IceEvent.ConnectionStateChanged(IceConnectionState.CLOSED));
        assertThat(sim.network.delivered()).isGreaterThan(delivered);
        p[0].agent.handleTimeout(sim.now());
        p[0].agent.addRemoteCandidate(sim.now(), p[1].gatheredCandidates().get(0));
        assertThat(p[0].agent.pollTransmit()).isNull();
    }
}
