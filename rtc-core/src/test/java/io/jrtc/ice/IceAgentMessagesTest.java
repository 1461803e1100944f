package io.jrtc.ice;

import static io.jrtc.ice.ScriptedPeer.AGENT_ADDRESS;
import static io.jrtc.ice.ScriptedPeer.LOCAL;
import static io.jrtc.ice.ScriptedPeer.PEER_ADDRESS;
import static io.jrtc.ice.ScriptedPeer.REMOTE;
import static io.jrtc.ice.ScriptedPeer.deliver;
import static io.jrtc.ice.ScriptedPeer.drain;
import static io.jrtc.ice.ScriptedPeer.events;
import static io.jrtc.ice.ScriptedPeer.parse;
import static io.jrtc.ice.Simulation.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.RawAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's STUN on the wire, against a peer scripted message by message. */
class IceAgentMessagesTest {
    private final ScriptedPeer peer = new ScriptedPeer();

    @Test
    void checkCarriesUsernamePriorityRoleIntegrityAndFingerprint() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 0x1234);

        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());

        IceTransmit t = drain(agent).get(0);
        StunMessage check = parse(t);
        assertThat(t.socketId()).isEqualTo(1);
        assertThat(t.destination()).isEqualTo(PEER_ADDRESS);
        assertThat(check.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(check.username()).isEqualTo("bbbb:aaaa");
        assertThat(check.priority()).isEqualTo(IcePriority.candidatePriority(110, 0xBFFF, 1));
        assertThat(check.iceControlling()).isEqualTo(0x1234L);
        assertThat(check.iceControlled()).isNull();
        assertThat(check.useCandidate()).isFalse();
        assertThat(check.verifyIntegrity(StunIntegrity.shortTermKey(REMOTE.password()))).isTrue();
        assertThat(check.verifyFingerprint()).isTrue();
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CHECKING);
        assertThat(agent.pairs()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(IceCandidatePairState.IN_PROGRESS);
            assertThat(p.requestsSent()).isEqualTo(1);
        });
    }

    @Test
    void checksArePacedOnePerTa() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        agent.addRemoteCandidate(0, new IceCandidate("2", 1, "udp", 1000, "198.51.100.2", 6000,
                IceCandidateType.HOST, null, null, null));
        assertThat(drain(agent)).hasSize(1);

        assertThat(agent.pollTimeout()).isEqualTo(50 * MS);
        agent.handleTimeout(49 * MS);
        assertThat(drain(agent)).isEmpty();
        agent.handleTimeout(50 * MS);
        assertThat(drain(agent)).singleElement()
                .satisfies(t -> assertThat(t.destination()).isEqualTo(SimPeer.address("198.51.100.2", 6000)));
    }

    @Test
    void validRequestIsAnsweredAndTriggersACheckTowardsAPeerReflexiveCandidate() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] request = peer.request(IceRole.CONTROLLING, 2, false);

        deliver(agent, 0, request);

        List<IceTransmit> out = drain(agent);
        assertThat(out).hasSize(2);
        StunMessage response = parse(out.get(0));
        assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
        assertThat(response.transactionId()).isEqualTo(parse(new IceTransmit(0, null, request)).transactionId());
        assertThat(response.xorMappedAddress()).isEqualTo(PEER_ADDRESS);
        assertThat(response.verifyIntegrity(StunIntegrity.shortTermKey(LOCAL.password()))).isTrue();
        assertThat(response.verifyFingerprint()).isTrue();
        StunMessage triggered = parse(out.get(1));
        assertThat(triggered.messageClass()).isEqualTo(StunClass.REQUEST);
        assertThat(triggered.iceControlled()).isEqualTo(1L);
        assertThat(out.get(1).destination()).isEqualTo(PEER_ADDRESS);
        assertThat(agent.remoteCandidates()).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(IceCandidateType.PRFLX);
            assertThat(c.priority()).isEqualTo(ScriptedPeer.PEER_PRIORITY);
        });
        assertThat(agent.pairs().get(0).requestsReceived()).isEqualTo(1);
        assertThat(agent.pairs().get(0).responsesSent()).isEqualTo(1);
    }

    private StunMessage onlyAnswerTo(IceAgent agent, byte[] request) {
        deliver(agent, 0, request);
        List<IceTransmit> out = drain(agent);
        assertThat(out).hasSize(1);
        return parse(out.get(0));
    }

    private static StunMessage bindingRequest(List<io.jrtc.stun.StunAttribute> attributes) {
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, new byte[12], attributes);
    }

    @Test
    void wrongPasswordGets401WithoutIntegrity() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] request = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("aaaa:bbbb"),
                new PriorityAttribute(1))), "wrong-password", true);

        StunMessage answer = onlyAnswerTo(agent, request);

        assertThat(answer.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
        assertThat(answer.errorCode().code()).isEqualTo(401);
        assertThat(answer.hasIntegrity()).isFalse();
        assertThat(answer.verifyFingerprint()).isTrue();
        assertThat(agent.remoteCandidates()).isEmpty();
    }

    @Test
    void unknownUfragGets401() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] request = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("zzzz:bbbb"),
                new PriorityAttribute(1))), LOCAL.password(), true);

        assertThat(onlyAnswerTo(agent, request).errorCode().code()).isEqualTo(401);
    }

    @Test
    void missingUsernameIntegrityFingerprintOrPriorityGets400() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] noUsername = ScriptedPeer.encode(bindingRequest(List.of(new PriorityAttribute(1))),
                LOCAL.password(), true);
        byte[] noIntegrity = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("aaaa:bbbb"),
                new PriorityAttribute(1))), null, true);
        byte[] noFingerprint = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("aaaa:bbbb"),
                new PriorityAttribute(1))), LOCAL.password(), false);
        byte[] noPriority = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("aaaa:bbbb"))),
                LOCAL.password(), true);

        assertThat(onlyAnswerTo(agent, noUsername).errorCode().code()).isEqualTo(400);
        assertThat(onlyAnswerTo(agent, noIntegrity).errorCode().code()).isEqualTo(400);
        assertThat(onlyAnswerTo(agent, noFingerprint).errorCode().code()).isEqualTo(400);
        StunMessage answer = onlyAnswerTo(agent, noPriority);
        assertThat(answer.errorCode().code()).isEqualTo(400);
        assertThat(answer.verifyIntegrity(StunIntegrity.shortTermKey(LOCAL.password()))).isTrue();
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] request = ScriptedPeer.encode(bindingRequest(List.of(new UsernameAttribute("aaaa:bbbb"),
                new PriorityAttribute(1), new RawAttribute(0x7777, new byte[4]))), LOCAL.password(), true);

        StunMessage answer = onlyAnswerTo(agent, request);

        assertThat(answer.errorCode().code()).isEqualTo(420);
        assertThat(answer.unknownAttributes()).containsExactly(0x7777);
    }

    @Test
    void corruptFingerprintOrGarbageIsDroppedSilently() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] request = peer.request(IceRole.CONTROLLING, 2, false);
        request[request.length - 1] ^= 1;

        deliver(agent, 0, request);
        deliver(agent, 0, new byte[] {0, 1, 0, 0, 1, 2, 3});
        deliver(agent, 0, new byte[0]);

        assertThat(drain(agent)).isEmpty();
    }

    @Test
    void controllingAgentWithLargerTieBreakerAnswers487() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 10);

        StunMessage answer = onlyAnswerTo(agent, peer.request(IceRole.CONTROLLING, 5, false));

        assertThat(answer.errorCode().code()).isEqualTo(487);
        assertThat(answer.verifyIntegrity(StunIntegrity.shortTermKey(LOCAL.password()))).isTrue();
        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLING);
    }

    @Test
    void controllingAgentWithSmallerTieBreakerSwitchesToControlled() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 10);

        deliver(agent, 0, peer.request(IceRole.CONTROLLING, -1L, false)); // 0xFFFF... is the largest, unsigned

        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        assertThat(events(agent)).contains(new IceEvent.RoleChanged(IceRole.CONTROLLED));
        assertThat(parse(drain(agent).get(0)).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }

    @Test
    void controlledAgentConflictsResolveTheOtherWay() {
        IceAgent wins = ScriptedPeer.agent(IceRole.CONTROLLED, 10);
        deliver(wins, 0, peer.request(IceRole.CONTROLLED, 5, false));
        assertThat(wins.role()).isEqualTo(IceRole.CONTROLLING);

        IceAgent loses = ScriptedPeer.agent(IceRole.CONTROLLED, 10);
        assertThat(onlyAnswerTo(loses, peer.request(IceRole.CONTROLLED, 20, false)).errorCode().code())
                .isEqualTo(487);
        assertThat(loses.role()).isEqualTo(IceRole.CONTROLLED);
    }

    @Test
    void roleConflictResponseSwitchesRoleAndRetries() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 10);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        StunMessage check = parse(drain(agent).get(0));
        StunMessage conflict = new StunMessage(StunMethod.BINDING, StunClass.ERROR_RESPONSE, check.transactionId(),
                List.of(new io.jrtc.stun.ErrorCodeAttribute(487, "Role Conflict")));

        deliver(agent, 10 * MS, ScriptedPeer.encode(conflict, REMOTE.password(), true));
        agent.handleTimeout(agent.pollTimeout());

        assertThat(agent.role()).isEqualTo(IceRole.CONTROLLED);
        StunMessage retry = parse(drain(agent).get(0));
        assertThat(retry.iceControlled()).isEqualTo(10L);
        assertThat(retry.hasTransactionId(check.transactionId())).isFalse();
    }

    @Test
    void controlledAgentFollowsUseCandidateBeforeItsOwnCheckSucceeded() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);

        deliver(agent, 0, peer.request(IceRole.CONTROLLING, 2, true));
        List<IceTransmit> out = drain(agent);
        assertThat(agent.selectedPair()).isNull();
        byte[] triggered = out.get(1).data();
        deliver(agent, 20 * MS, ScriptedPeer.successFor(triggered, AGENT_ADDRESS, REMOTE.password()));

        assertThat(agent.selectedPair()).isNotNull();
        assertThat(agent.selectedPair().nominated()).isTrue();
        assertThat(agent.selectedPair().remoteAddress()).isEqualTo(PEER_ADDRESS);
        assertThat(agent.selectedPair().currentRoundTripTimeNanos()).isEqualTo(20 * MS);
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CONNECTED);
        assertThat(events(agent)).containsSubsequence(
                new IceEvent.ConnectionStateChanged(IceConnectionState.CHECKING),
                new IceEvent.SelectedPairChanged(agent.selectedPair()),
                new IceEvent.ConnectionStateChanged(IceConnectionState.CONNECTED));
    }

    @Test
    void controlledAgentSelectsAtOnceWhenUseCandidateArrivesOnAValidPair() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();
        deliver(agent, 10 * MS, ScriptedPeer.successFor(check, AGENT_ADDRESS, REMOTE.password()));
        assertThat(agent.selectedPair()).isNull();

        deliver(agent, 20 * MS, peer.request(IceRole.CONTROLLING, 2, true));

        assertThat(agent.selectedPair()).isSameAs(agent.pairs().get(0));
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CONNECTED);
    }

    @Test
    void controllingAgentNominatesWithUseCandidateAfterAValidPair() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();

        deliver(agent, 10 * MS, ScriptedPeer.successFor(check, AGENT_ADDRESS, REMOTE.password()));

        assertThat(agent.selectedPair()).isNotNull();
        assertThat(agent.selectedPair().nominated()).isFalse();
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CONNECTED);
        agent.handleTimeout(agent.pollTimeout());
        StunMessage nomination = parse(drain(agent).get(0));
        assertThat(nomination.useCandidate()).isTrue();
        assertThat(nomination.iceControlling()).isEqualTo(1L);

        deliver(agent, 80 * MS, ScriptedPeer.successFor(nomination.raw(), AGENT_ADDRESS, REMOTE.password()));

        assertThat(agent.selectedPair().nominated()).isTrue();
        assertThat(events(agent).stream().filter(e -> e instanceof IceEvent.SelectedPairChanged)).hasSize(1);
    }

    @Test
    void nominationOfTheOnlyValidPairGoesOutAtOnceNotInTheNextTaSlot() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();

        deliver(agent, 10 * MS, ScriptedPeer.successFor(check, AGENT_ADDRESS, REMOTE.password()));

        // 10 ms after the first check, well inside its Ta of 50 ms: no timer has to fire first.
        assertThat(drain(agent)).singleElement().satisfies(t -> assertThat(parse(t).useCandidate()).isTrue());
    }

    @Test
    void responsesWithBadIntegrityAreIgnored() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();

        deliver(agent, 10 * MS, ScriptedPeer.successFor(check, AGENT_ADDRESS, "not-the-password"));

        assertThat(agent.pairs().get(0).state()).isEqualTo(IceCandidatePairState.IN_PROGRESS);
        assertThat(agent.selectedPair()).isNull();
    }

    @Test
    void responseFromAnotherAddressFailsThePair() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();
        byte[] response = ScriptedPeer.successFor(check, AGENT_ADDRESS, REMOTE.password());

        agent.handleReceive(10 * MS, 1, SimPeer.address("198.51.100.99", 6000), response, 0, response.length);

        assertThat(agent.pairs().get(0).state()).isEqualTo(IceCandidatePairState.FAILED);
    }

    @Test
    void localPeerReflexiveCandidateFromMappedAddress() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        byte[] check = drain(agent).get(0).data();

        deliver(agent, 10 * MS, ScriptedPeer.successFor(check, SimPeer.address("203.0.113.5", 7000),
                REMOTE.password()));

        assertThat(agent.localCandidates()).anySatisfy(c -> {
            assertThat(c.type()).isEqualTo(IceCandidateType.PRFLX);
            assertThat(c.address()).isEqualTo("203.0.113.5");
            assertThat(c.priority()).isEqualTo(IcePriority.candidatePriority(110, 0xBFFF, 1));
            assertThat(c.relatedAddress()).isEqualTo("192.0.2.1");
        });
    }

    @Test
    void remoteCandidatesThatCannotBePairedAreIgnored() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);

        agent.addRemoteCandidate(0, new IceCandidate("1", 1, "udp", 1, "x.local", 9, IceCandidateType.HOST,
                null, null, null));
        agent.addRemoteCandidate(0, new IceCandidate("1", 1, "tcp", 1, "198.51.100.1", 9, IceCandidateType.HOST,
                null, null, "passive"));
        agent.addRemoteCandidate(0, new IceCandidate("1", 2, "udp", 1, "198.51.100.1", 9, IceCandidateType.HOST,
                null, null, null));
        agent.addRemoteCandidate(0, new IceCandidate("1", 1, "udp", 1, "2001:db8::1", 9, IceCandidateType.HOST,
                null, null, null));

        assertThat(agent.pairs()).isEmpty();
        // the TCP one is kept for a TCP socket to pair with (RFC 6544); this agent has UDP sockets only
        assertThat(agent.remoteCandidates()).extracting(IceCandidate::protocol).containsExactly("tcp", "udp");
        assertThat(drain(agent)).isEmpty();
    }

    @Test
    void bindingIndicationCountsAsActivity() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, 1);
        agent.addRemoteCandidate(0, ScriptedPeer.peerHostCandidate());
        drain(agent);
        byte[] indication = new StunMessage(StunMethod.BINDING, StunClass.INDICATION, new byte[12], List.of())
                .encode(null, true);

        deliver(agent, 30 * MS, indication);

        assertThat(agent.pairs().get(0).lastPacketReceivedNanos()).isEqualTo(30 * MS);
        assertThat(drain(agent)).isEmpty();
    }

    @Test
    void controlledAgentFollowsALaterNominationOfAnotherPair() throws Exception {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        agent.addHostSocket(0, 2, SimPeer.address("192.0.2.2", 5000));
        deliver(agent, 0, peer.request(IceRole.CONTROLLING, 2, true));
        deliver(agent, 50 * MS, ScriptedPeer.successFor(drain(agent).get(1).data(), AGENT_ADDRESS,
                REMOTE.password()));
        IceCandidatePair first = agent.selectedPair();
        assertThat(first.localSocketId()).isEqualTo(1);

        // The peer moves to the lower-priority second socket and nominates there.
        byte[] request = peer.request(IceRole.CONTROLLING, 2, true);
        agent.handleReceive(100 * MS, 2, PEER_ADDRESS, request, 0, request.length);
        byte[] triggered = drain(agent).get(1).data();
        byte[] answer = ScriptedPeer.successFor(triggered, SimPeer.address("192.0.2.2", 5000), REMOTE.password());
        agent.handleReceive(150 * MS, 2, PEER_ADDRESS, answer, 0, answer.length);

        assertThat(agent.selectedPair().localSocketId()).isEqualTo(2);
        assertThat(Long.compareUnsigned(agent.selectedPair().priority(), first.priority())).isNegative();
        assertThat(agent.connectionState()).isEqualTo(IceConnectionState.CONNECTED);
    }

    @Test
    void pollTimeoutIsNeverEarlierThanTheLatestTimeSeen() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLING, LOCAL, 1, 1));
        agent.addHostSocket(5_000 * MS, 1, AGENT_ADDRESS);
        agent.addRemoteCandidate(5_000 * MS, ScriptedPeer.peerHostCandidate());
        assertThat(agent.pollTimeout()).isEqualTo(Long.MAX_VALUE);

        agent.setRemoteParameters(REMOTE);

        assertThat(agent.pollTimeout()).isEqualTo(5_000 * MS);
        agent.handleTimeout(5_000 * MS);
        assertThat(drain(agent)).hasSize(1);
    }

    @Test
    void requestFromAnotherAddressFamilyIsAnsweredWithoutPairing() {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLED, LOCAL, 1, 1));
        agent.addHostSocket(0, 1, SimPeer.address("2001:db8::1", 5000));
        agent.setRemoteParameters(REMOTE);
        byte[] request = peer.request(IceRole.CONTROLLING, 2, true);

        agent.handleReceive(0, 1, PEER_ADDRESS, request, 0, request.length);

        assertThat(drain(agent)).singleElement()
                .satisfies(t -> assertThat(parse(t).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE));
        assertThat(agent.pairs()).isEmpty();
    }
}
