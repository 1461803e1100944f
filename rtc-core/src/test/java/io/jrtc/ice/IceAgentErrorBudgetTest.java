package io.jrtc.ice;

import static org.assertj.core.api.Assertions.assertThat;

import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.UsernameAttribute;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Error answers to unauthenticated checks are rate-limited (issue 8's STUN reflector), on virtual time: per agent
 * and by a bucket shared by several agents; a flood gets no more answers than the buckets hold and refill.
 */
class IceAgentErrorBudgetTest {
    private static final long MS = 1_000_000L;
    private static final InetSocketAddress STRANGER = SimPeer.address("203.0.113.66", 4000);
    private final Random random = new Random(3);

    @Test
    void aFloodAtOneInstantGetsAtMostTheAgentsBurst() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);

        int answers = 0;
        for (int i = 0; i < 10_000; i++) {
            answers += deliver(agent, 0, unauthenticated());
        }

        assertThat(answers).isEqualTo(IncomingChecks.AGENT_ERROR_BURST);
        assertThat(agent.unansweredErrors()).isEqualTo(10_000 - IncomingChecks.AGENT_ERROR_BURST);
    }

    @Test
    void aSustainedFloodGetsTheBurstPlusTheRefill() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);

        int answers = 0;
        for (long t = 0; t < 10_000 * MS; t += MS) { // 1,000 bad requests a second for 10 s
            answers += deliver(agent, t, unauthenticated());
        }

        int bound = IncomingChecks.AGENT_ERROR_BURST + 10 * IncomingChecks.AGENT_ERROR_RATE;
        assertThat(answers).isLessThanOrEqualTo(bound).isGreaterThanOrEqualTo(bound - 1);
    }

    @Test
    void aFloodSpreadOverManyAgentsIsBoundedByTheSharedBucket() {
        TokenBucket shared = new TokenBucket(20, 10);
        List<IceAgent> agents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            IceAgent agent = new IceAgent(IceAgentConfig.defaults(IceRole.CONTROLLED, ScriptedPeer.LOCAL, i, i),
                    shared);
            agent.addHostSocket(0, 1, ScriptedPeer.AGENT_ADDRESS);
            agents.add(agent);
        }

        int answers = 0;
        for (long t = 0; t <= 2_000 * MS; t += 10 * MS) {
            for (IceAgent agent : agents) {
                answers += deliver(agent, t, unauthenticated());
            }
        }

        assertThat(answers).isLessThanOrEqualTo(20 + 2 * 10);
    }

    @Test
    void wrongPasswordsAreUnauthenticatedToo() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLED, 1);
        byte[] forged = ScriptedPeer.encode(new StunMessage(StunMethod.BINDING, StunClass.REQUEST, tid(),
                List.of(new UsernameAttribute("aaaa:bbbb"))), "not-the-password-at-all", true);

        int answers = 0;
        for (int i = 0; i < 1_000; i++) {
            answers += deliver(agent, i * MS / 10, forged.clone());
        }

        assertThat(answers).isLessThanOrEqualTo(IncomingChecks.AGENT_ERROR_BURST + 1);
    }

    @Test
    void errorsToAuthenticatedChecksAreNotLimited() {
        IceAgent agent = ScriptedPeer.agent(IceRole.CONTROLLING, Long.MAX_VALUE);
        ScriptedPeer peer = new ScriptedPeer();
        for (int i = 0; i < 10_000; i++) {
            deliver(agent, 0, unauthenticated());
        }

        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] conflicting = peer.request(IceRole.CONTROLLING, 5, false);
            agent.handleReceive(0, 1, ScriptedPeer.PEER_ADDRESS, conflicting, 0, conflicting.length);
        }
        for (IceTransmit t : ScriptedPeer.drain(agent)) {
            StunMessage m = ScriptedPeer.parse(t);
            if (m.messageClass() == StunClass.ERROR_RESPONSE) {
                codes.add(m.errorCode().code());
            }
        }

        assertThat(codes).hasSize(100).containsOnly(487);
    }

    /** Feeds one datagram from the stranger; returns the error answers it produced. */
    private static int deliver(IceAgent agent, long now, byte[] datagram) {
        agent.handleReceive(now, 1, STRANGER, datagram, 0, datagram.length);
        int errors = 0;
        for (IceTransmit t : ScriptedPeer.drain(agent)) {
            if (ScriptedPeer.parse(t).messageClass() == StunClass.ERROR_RESPONSE) {
                errors++;
            }
        }
        return errors;
    }

    /** A Binding request with neither USERNAME nor MESSAGE-INTEGRITY: a 400 for anyone who asks. */
    private byte[] unauthenticated() {
        return ScriptedPeer.encode(new StunMessage(StunMethod.BINDING, StunClass.REQUEST, tid(), List.of()), null,
                true);
    }

    private byte[] tid() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        return id;
    }
}
