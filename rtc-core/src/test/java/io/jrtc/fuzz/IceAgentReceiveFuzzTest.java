package io.jrtc.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jrtc.ice.IceAgent;
import io.jrtc.ice.IceAgentConfig;
import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidateType;
import io.jrtc.ice.IceEvent;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.ice.IceTransmit;
import io.jrtc.stun.ErrorCodeAttribute;
import io.jrtc.stun.IceControlledAttribute;
import io.jrtc.stun.IceControllingAttribute;
import io.jrtc.stun.PriorityAttribute;
import io.jrtc.stun.RawAttribute;
import io.jrtc.stun.StunAttribute;
import io.jrtc.stun.StunClass;
import io.jrtc.stun.StunIntegrity;
import io.jrtc.stun.StunMessage;
import io.jrtc.stun.StunMethod;
import io.jrtc.stun.StunParseException;
import io.jrtc.stun.UseCandidateAttribute;
import io.jrtc.stun.UsernameAttribute;
import io.jrtc.stun.XorAddressAttribute;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The ICE agent's receive path (RFC 8445 §7.2-7.3, RFC 7675) fed datagrams as a remote peer or a stranger sends
 * them: raw bytes, checks signed with the right password but fuzzed attributes, and answers to the agent's own
 * checks, with time passing in between. Nothing may throw, and no datagram may make the agent send more than an
 * answer and a triggered check.
 */
class IceAgentReceiveFuzzTest {
    private static final IceParameters LOCAL = new IceParameters("aaaa", "apasswordapasswordapassw");
    private static final IceParameters REMOTE = new IceParameters("bbbb", "bpasswordbpasswordbpassw");
    private static final InetSocketAddress AGENT = new InetSocketAddress(address(192, 0, 2, 1), 5000);
    private static final InetSocketAddress PEER = new InetSocketAddress(address(198, 51, 100, 1), 6000);
    private static final int MAX_SENT_PER_DATAGRAM = 2;
    private static final long MS = 1_000_000L;

    @FuzzTest(maxDuration = "5s")
    void receivePath(FuzzedDataProvider data) throws Exception {
        boolean controlling = data.consumeBoolean();
        List<Step> steps = new ArrayList<>();
        while (data.remainingBytes() > 0 && steps.size() < 16) {
            steps.add(Step.from(data));
        }
        InputBudget.within(() -> run(controlling, steps));
    }

    private static void run(boolean controlling, List<Step> steps) throws StunParseException {
        IceAgent agent = new IceAgent(IceAgentConfig.defaults(controlling ? IceRole.CONTROLLING : IceRole.CONTROLLED,
                LOCAL, 42, 77));
        agent.addHostSocket(0, 1, AGENT);
        agent.setRemoteParameters(REMOTE);
        agent.addRemoteCandidate(0, new IceCandidate("1", 1, "udp", 2130706431L, "198.51.100.1", 6000,
                IceCandidateType.HOST, null, null, null));
        long now = 0;
        byte[] lastCheck = drain(agent, null);
        for (Step step : steps) {
            now += step.advanceNanos;
            if (agent.pollTimeout() <= now) {
                agent.handleTimeout(now);
                lastCheck = drain(agent, lastCheck);
            }
            byte[] datagram = step.datagram(lastCheck);
            agent.handleReceive(now, 1, step.from, datagram, 0, datagram.length);
            int sent = 0;
            for (IceTransmit t = agent.pollTransmit(); t != null; t = agent.pollTransmit()) {
                sent++;
                lastCheck = checkOrKeep(t, lastCheck);
            }
            if (sent > MAX_SENT_PER_DATAGRAM) {
                throw new AssertionError("one datagram made the agent send " + sent);
            }
            for (IceEvent e = agent.pollEvent(); e != null; e = agent.pollEvent()) {
                continue;
            }
        }
    }

    private static byte[] drain(IceAgent agent, byte[] lastCheck) throws StunParseException {
        for (IceTransmit t = agent.pollTransmit(); t != null; t = agent.pollTransmit()) {
            lastCheck = checkOrKeep(t, lastCheck);
        }
        return lastCheck;
    }

    private static byte[] checkOrKeep(IceTransmit t, byte[] lastCheck) throws StunParseException {
        StunMessage m = StunMessage.parse(t.data());
        return m.isRequest() ? m.transactionId() : lastCheck;
    }

    /** One datagram from the fuzzer and how much time passes before it. */
    private record Step(int kind, long advanceNanos, InetSocketAddress from, byte[] raw, String username,
                        long priority, long tieBreaker, int flags, int rawType, int errorCode,
                        InetSocketAddress mapped) {

        static Step from(FuzzedDataProvider d) {
            int kind = d.consumeInt(0, 2);
            long advance = d.consumeLong(0, 2_000) * MS;
            InetSocketAddress from = d.consumeBoolean() ? PEER
                    : new InetSocketAddress(address(198, 51, 100, d.consumeInt(1, 4)), d.consumeInt(0, 65535));
            String username = d.consumeBoolean() ? "aaaa:bbbb" : d.consumeString(40);
            long priority = d.consumeLong(0, 0xFFFF_FFFFL);
            long tieBreaker = d.consumeLong();
            int flags = d.consumeInt(0, 31);
            int rawType = d.consumeInt(0, 0xFFFF);
            int errorCode = d.consumeInt(300, 699);
            InetSocketAddress mapped = new InetSocketAddress(address(203, 0, 113, d.consumeInt(0, 255)),
                    d.consumeInt(0, 65535));
            byte[] raw = d.consumeBytes(d.consumeInt(0, 300));
            return new Step(kind, advance, from, raw, username, priority, tieBreaker, flags, rawType, errorCode,
                    mapped);
        }

        byte[] datagram(byte[] lastCheck) {
            return switch (kind) {
                case 0 -> raw;
                case 1 -> check();
                default -> lastCheck == null ? raw : answer(lastCheck);
            };
        }

        /** A Binding request signed with the agent's password (RFC 8445 §7.2.2), with fuzzed attributes. */
        private byte[] check() {
            List<StunAttribute> a = new ArrayList<>();
            a.add(new UsernameAttribute(username));
            if ((flags & 1) != 0) {
                a.add(new PriorityAttribute(priority));
            }
            if ((flags & 2) != 0) {
                a.add(new IceControllingAttribute(tieBreaker));
            }
            if ((flags & 4) != 0) {
                a.add(new IceControlledAttribute(tieBreaker));
            }
            if ((flags & 8) != 0) {
                a.add(UseCandidateAttribute.INSTANCE);
            }
            if ((flags & 16) != 0) {
                a.add(new RawAttribute(rawType, raw));
            }
            return new StunMessage(StunMethod.BINDING, StunClass.REQUEST, transactionId(), a)
                    .encode(StunIntegrity.shortTermKey(LOCAL.password()), (flags & 1) == 0 || (flags & 8) == 0);
        }

        /** A success or error answer to the agent's latest check, signed with the peer's password. */
        private byte[] answer(byte[] transactionId) {
            List<StunAttribute> a = new ArrayList<>();
            boolean error = (flags & 2) != 0;
            if (error) {
                a.add(new ErrorCodeAttribute(errorCode, "fuzz"));
                if (errorCode == 487) {
                    a.add(new RawAttribute(rawType, raw));
                }
            } else if ((flags & 4) == 0) {
                a.add(XorAddressAttribute.xorMappedAddress(mapped));
            }
            return new StunMessage(StunMethod.BINDING, error ? StunClass.ERROR_RESPONSE : StunClass.SUCCESS_RESPONSE,
                    transactionId, a).encode(StunIntegrity.shortTermKey(REMOTE.password()), true);
        }

        private byte[] transactionId() {
            byte[] id = new byte[12];
            for (int i = 0; i < raw.length && i < id.length; i++) {
                id[i] = raw[i];
            }
            id[11] ^= (byte) tieBreaker;
            return id;
        }
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
