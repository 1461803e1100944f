package io.jrtc.ice;

import io.jrtc.stun.IceControlledAttribute;
import io.jrtc.stun.IceControllingAttribute;
import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunEncoder;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunParseException;
import io.jrtc.stun.UseCandidateAttribute;
import io.jrtc.stun.UsernameAttribute;
import io.jrtc.stun.XorAddressAttribute;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A remote agent written out by hand: builds the STUN messages a browser would send to the agent under test. */
final class ScriptedPeer {
    static final IceParameters LOCAL = new IceParameters("aaaa", "apasswordapasswordapassw");
    static final IceParameters REMOTE = new IceParameters("bbbb", "bpasswordbpasswordbpassw");
    static final InetSocketAddress AGENT_ADDRESS = SimPeer.address("192.0.2.1", 5000);
    static final InetSocketAddress PEER_ADDRESS = SimPeer.address("198.51.100.1", 6000);
    static final long PEER_PRIORITY = 1853824767L;

    private final Random random = new Random(5);

    static IceAgent agent(IceRole role, long tieBreaker) {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(role, LOCAL, tieBreaker, 77));
        agent.addHostSocket(0, 1, AGENT_ADDRESS);
        agent.setRemoteParameters(REMOTE);
        return agent;
    }

    static IceCandidate peerHostCandidate() {
        return new IceCandidate("1", 1, "udp", 2130706431L, "198.51.100.1", 6000, IceCandidateType.HOST,
                null, null, null);
    }

    byte[] newTransactionId() {
        byte[] tid = new byte[12];
        random.nextBytes(tid);
        return tid;
    }

    /** A well-formed check from the peer, with the given role attribute and options. */
    byte[] request(IceRole role, long tieBreaker, boolean useCandidate) {
        List<StunAttribute> a = new ArrayList<>();
        a.add(new UsernameAttribute(LOCAL.usernameFragment() + ":" + REMOTE.usernameFragment()));
        a.add(new PriorityAttribute(PEER_PRIORITY));
        a.add(role == IceRole.CONTROLLING ? new IceControllingAttribute(tieBreaker)
                : new IceControlledAttribute(tieBreaker));
        if (useCandidate) {
            a.add(UseCandidateAttribute.INSTANCE);
        }
        return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, newTransactionId(), a)
                .encode(StunIntegrity.shortTermKey(LOCAL.password()), true);
    }

    /** The peer's success answer to a check of the agent, signed with the peer's password. */
    static byte[] successFor(byte[] agentRequest, InetSocketAddress mapped, String password) throws Exception {
        StunMessage request = StunMessage.parse(agentRequest);
        return new StunMessage(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE, request.transactionId(),
                List.of(XorAddressAttribute.xorMappedAddress(mapped)))
                .encode(StunIntegrity.shortTermKey(password), true);
    }

    static byte[] encode(StunMessage m, String password, boolean fingerprint) {
        return new StunEncoder().integrity(password == null ? null : StunIntegrity.shortTermKey(password))
                .fingerprint(fingerprint).encode(m);
    }

    static StunMessage parse(IceTransmit t) {
        try {
            return StunMessage.parse(t.data());
        } catch (StunParseException e) {
            throw new AssertionError(e);
        }
    }

    static List<IceTransmit> drain(IceAgent agent) {
        List<IceTransmit> out = new ArrayList<>();
        for (IceTransmit t = agent.pollTransmit(); t != null; t = agent.pollTransmit()) {
            out.add(t);
        }
        return out;
    }

    static List<IceEvent> events(IceAgent agent) {
        List<IceEvent> out = new ArrayList<>();
        for (IceEvent e = agent.pollEvent(); e != null; e = agent.pollEvent()) {
            out.add(e);
        }
        return out;
    }

    static void deliver(IceAgent agent, long now, byte[] data) {
        agent.handleReceive(now, 1, PEER_ADDRESS, data, 0, data.length);
    }
}
