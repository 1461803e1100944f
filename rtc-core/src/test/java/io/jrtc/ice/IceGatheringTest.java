package io.jrtc.ice;

import static io.jrtc.ice.Simulation.MS;
import static io.jrtc.ice.Simulation.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunParseException;
import io.jrtc.stun.XorAddressAttribute;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host and server-reflexive gathering (RFC 8445 §5.1.1), against a STUN server on the simulated network. */
class IceGatheringTest {
    static final InetSocketAddress STUN_SERVER = SimPeer.address("203.0.113.100", 3478);

    /** Answers Binding requests with the source address seen, as a STUN server does (RFC 8489 §7.3.1). */
    static void attachStunServer(SimNetwork network, InetSocketAddress at) {
        network.attach(at, (now, local, from, data) -> {
            try {
                StunMessage request = StunMessage.parse(data);
                byte[] response = new StunMessage(request.method(), StunClass.SUCCESS_RESPONSE,
                        request.transactionId(), List.of(XorAddressAttribute.xorMappedAddress(from))).encode(null, true);
                network.send(now, local, from, response);
            } catch (StunParseException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static IceAgentConfig config(List<InetSocketAddress> servers) {
        return IceAgentSimulationTest.config(IceRole.CONTROLLING, 1, 1).withStunServers(servers);
    }

    @Test
    void withoutStunServersGatheringCompletesInTheSameCall() {
        IceAgent agent = new IceAgent(config(List.of()));
        IceCandidate host = agent.addHostSocket(0, 1, SimPeer.address("192.0.2.1", 5000));

        agent.gather(0);

        assertThat(ScriptedPeer.events(agent)).containsExactly(
                new IceEvent.GatheringStateChanged(IceGatheringState.GATHERING),
                new IceEvent.CandidateGathered(host),
                new IceEvent.GatheringStateChanged(IceGatheringState.COMPLETE));
        assertThat(agent.gatheringState()).isEqualTo(IceGatheringState.COMPLETE);
        assertThat(agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRelayedCandidateIsAnnouncedWithoutAskingStunOnItAndGatheringWaitsForItsAllocation() {
        Simulation sim = new Simulation(40);
        List<InetSocketAddress> stunClients = new java.util.ArrayList<>();
        sim.network.attach(STUN_SERVER, (now, local, from, data) -> stunClients.add(from));
        InetSocketAddress turnServer = SimPeer.address("203.0.113.200", 3478);
        InetSocketAddress relayed = SimPeer.address("203.0.113.200", 50000);
        InetSocketAddress mapped = SimPeer.address("198.51.100.7", 40000);
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "192.0.2.1", 5000);
        a.agent.relayAllocationStarted();

        a.agent.gather(sim.now());
        sim.runFor(10 * SECOND);
        assertThat(a.agent.gatheringState()).as("the STUN query timed out, the allocation is pending")
                .isEqualTo(IceGatheringState.GATHERING);

        a.relaySocket(sim.now(), 2, relayed, mapped, turnServer);
        a.agent.relayAllocationEnded(sim.now());
        sim.drainAll();

        assertThat(a.agent.gatheringState()).isEqualTo(IceGatheringState.COMPLETE);
        List<IceCandidate> gathered = a.gatheredCandidates();
        assertThat(gathered).extracting(IceCandidate::type).containsExactly(IceCandidateType.HOST, IceCandidateType.RELAY);
        IceCandidate relay = gathered.get(1);
        assertThat(relay.socketAddress()).isEqualTo(relayed);
        assertThat(relay.relatedAddress()).isEqualTo("198.51.100.7");
        assertThat(relay.relatedPort()).isEqualTo(40000);
        assertThat(relay.priority() >>> 24).isZero();
        assertThat(relay.foundation()).isNotEqualTo(gathered.get(0).foundation());
        assertThat(stunClients).isNotEmpty().allMatch(from -> from.equals(SimPeer.address("192.0.2.1", 5000)));
    }

    @Test
    void relayedCandidatesSurviveAnIceRestartAndAreAnnouncedAgain() {
        IceAgent agent = new IceAgent(config(List.of()));
        agent.addHostSocket(0, 1, SimPeer.address("192.0.2.1", 5000));
        IceCandidate relay = agent.addRelaySocket(0, 2, SimPeer.address("203.0.113.200", 50000), null,
                SimPeer.address("203.0.113.200", 3478));
        agent.gather(0);
        ScriptedPeer.events(agent);

        agent.restart(1, IceParameters.random(new java.util.Random(5)));
        agent.gather(1);

        assertThat(ScriptedPeer.events(agent)).contains(new IceEvent.CandidateGathered(relay));
        assertThat(agent.localCandidates()).contains(relay);
        assertThat(relay.relatedAddress()).isNull();
    }

    @Test
    void serverReflexiveCandidateBehindNat() {
        Simulation sim = new Simulation(30);
        attachStunServer(sim.network, STUN_SERVER);
        sim.network.mapNat(SimPeer.address("10.0.0.2", 5000), SimPeer.address("198.51.100.7", 40000));
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "10.0.0.2", 5000)
                .socket(sim.now(), 2, "2001:db8::2", 5000);

        a.agent.gather(sim.now());
        assertThat(sim.runUntil(() -> a.agent.gatheringState() == IceGatheringState.COMPLETE, SECOND)).isTrue();

        List<IceCandidate> gathered = a.gatheredCandidates();
        assertThat(gathered).extracting(IceCandidate::type)
                .containsExactly(IceCandidateType.HOST, IceCandidateType.HOST, IceCandidateType.SRFLX);
        IceCandidate srflx = gathered.get(2);
        assertThat(srflx.address()).isEqualTo("198.51.100.7");
        assertThat(srflx.port()).isEqualTo(40000);
        assertThat(srflx.relatedAddress()).isEqualTo("10.0.0.2");
        assertThat(srflx.relatedPort()).isEqualTo(5000);
        assertThat(srflx.priority() >>> 24).isEqualTo(100);
        assertThat(srflx.foundation()).isNotEqualTo(gathered.get(0).foundation());
        assertThat(sim.now() - 1_000 * SECOND).isEqualTo(20 * MS);
    }

    @Test
    void reflexiveAddressEqualToTheHostIsRedundant() {
        Simulation sim = new Simulation(31);
        attachStunServer(sim.network, STUN_SERVER);
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "192.0.2.1", 5000);

        a.agent.gather(sim.now());
        sim.runUntil(() -> a.agent.gatheringState() == IceGatheringState.COMPLETE, SECOND);

        assertThat(a.gatheredCandidates()).extracting(IceCandidate::type).containsExactly(IceCandidateType.HOST);
    }

    @Test
    void unreachableServerEndsGatheringAfterItsRetransmissions() {
        Simulation sim = new Simulation(32);
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "192.0.2.1", 5000);
        long start = sim.now();

        a.agent.gather(sim.now());
        assertThat(sim.runUntil(() -> a.agent.gatheringState() == IceGatheringState.COMPLETE, 30 * SECOND))
                .isTrue();

        assertThat(sim.now() - start).isEqualTo(ServerReflexiveGatherer.POLICY.totalTimeoutNanos());
        assertThat(sim.network.dropped()).isEqualTo(4);
    }

    @Test
    void socketAddedWhileGatheringIsReportedAndQueried() {
        Simulation sim = new Simulation(33);
        attachStunServer(sim.network, STUN_SERVER);
        sim.network.mapNat(SimPeer.address("10.0.0.3", 5000), SimPeer.address("198.51.100.8", 40001));
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "192.0.2.1", 5000);
        a.agent.gather(sim.now());

        a.socket(sim.now(), 2, "10.0.0.3", 5000);
        sim.runUntil(() -> a.agent.gatheringState() == IceGatheringState.COMPLETE, SECOND);

        assertThat(a.gatheredCandidates()).extracting(IceCandidate::address)
                .containsExactly("192.0.2.1", "10.0.0.3", "198.51.100.8");
    }

    @Test
    void peersConnectThroughServerReflexiveCandidates() {
        Simulation sim = new Simulation(34);
        attachStunServer(sim.network, STUN_SERVER);
        sim.network.mapNat(SimPeer.address("10.0.0.2", 5000), SimPeer.address("198.51.100.7", 40000));
        SimPeer a = sim.peer("A", config(List.of(STUN_SERVER))).socket(sim.now(), 1, "10.0.0.2", 5000);
        SimPeer b = sim.peer("B", IceAgentSimulationTest.config(IceRole.CONTROLLED, 2, 2))
                .socket(sim.now(), 1, "192.0.2.50", 6000);
        Simulation.exchangeParameters(a, b);
        a.agent.gather(sim.now());
        b.agent.gather(sim.now());
        sim.runUntil(() -> a.agent.gatheringState() == IceGatheringState.COMPLETE, SECOND);
        // Both learn the other's candidates; B can reach A only through A's server-reflexive address.
        sim.exchangeCandidates(a, b, true);

        assertThat(sim.runUntil(() -> IceAgentSimulationTest.connected(a) && IceAgentSimulationTest.connected(b),
                5 * SECOND)).isTrue();
        assertThat(b.agent.selectedPair().remoteAddress()).isEqualTo(SimPeer.address("198.51.100.7", 40000));
        // A's host candidate is unreachable from B: that pair fails, the other one carries the data.
        assertThat(b.agent.pairs()).hasSize(2);
    }
}
