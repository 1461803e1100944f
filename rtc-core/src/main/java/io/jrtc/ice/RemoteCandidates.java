package io.jrtc.ice;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The peer's candidates: signalled ones (trickle) and peer-reflexive ones learnt from its checks. */
final class RemoteCandidates {
    private static final System.Logger LOG = System.getLogger(RemoteCandidates.class.getName());
    private final List<IceCandidate> candidates = new ArrayList<>();
    /**
     * Each candidate's transport address (null for a name), parsed once: every check a peer sends looks its source
     * up here, and parsing the candidates' address text for each was a measurable part of an idle connection's CPU.
     */
    private final List<InetSocketAddress> addresses = new ArrayList<>();
    private long ignored;
    private long filtered;

    /** The candidate of this address and transport ("udp" or "tcp"), or null. */
    IceCandidate find(InetSocketAddress address, String transport) {
        for (int i = 0; i < candidates.size(); i++) {
            IceCandidate c = candidates.get(i);
            if (address.equals(addresses.get(i)) && c.protocol().equals(transport)) {
                return c;
            }
        }
        return null;
    }

    int size() {
        return candidates.size();
    }

    /** A candidate was dropped because the agent's limit of remote candidates was reached. */
    void countIgnored() {
        ignored++;
    }

    long ignored() {
        return ignored;
    }

    /** Candidates dropped because no check may go to their address ({@link DestinationPolicy}). */
    long filtered() {
        return filtered;
    }

    /**
     * Takes a signalled candidate (RFC 8838 §11); returns whether it is new and kept, to be paired. One no check may
     * go to is counted and dropped, as is one past the limit; one of an address known as peer-reflexive takes that
     * candidate's place.
     */
    boolean accept(IceCandidate c, IceAgentConfig config, CheckList checkList, IceRole role) {
        InetSocketAddress address = c.socketAddress();
        if (!config.destinations().mayAllow(address)) {
            filtered++;
            LOG.log(System.Logger.Level.DEBUG, "ignoring remote candidate {0}: {1}", c,
                    config.destinations().verdict(null, address));
            return false;
        }
        IceCandidate known = find(address, c.protocol());
        if (known != null) {
            if (known.type() == IceCandidateType.PRFLX && c.type() != IceCandidateType.PRFLX) {
                replace(known, c, checkList, role);
            }
            return false;
        }
        if (candidates.size() >= config.maxRemoteCandidates()) {
            ignored++;
            return false;
        }
        add(c, address);
        return true;
    }

    /**
     * RFC 8445 §7.3.1.3: a request from an unknown address is a peer-reflexive candidate with the request's
     * PRIORITY and a foundation of its own. One that came over a stream the peer opened to our passive TCP candidate
     * is an active TCP candidate (RFC 6544 §7.2).
     */
    IceCandidate learnPeerReflexive(InetSocketAddress from, long priority, IceCandidate receivedOn, Random random) {
        String foundation = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        IceTcpType ours = receivedOn.iceTcpType();
        IceCandidate c = new IceCandidate(foundation, 1, receivedOn.protocol(), priority,
                IpLiterals.format(from.getAddress()), from.getPort(), IceCandidateType.PRFLX, null, null,
                ours == null ? null : ours.counterpart().toString());
        add(c, c.socketAddress());
        return c;
    }

    private void add(IceCandidate c, InetSocketAddress address) {
        candidates.add(c);
        addresses.add(address);
    }

    /** The signalled candidate takes the place of the peer-reflexive one learnt for the same address. */
    void replace(IceCandidate learnt, IceCandidate signalled, CheckList checkList, IceRole role) {
        int index = candidates.indexOf(learnt);
        candidates.set(index, signalled);
        addresses.set(index, signalled.socketAddress());
        for (IceCandidatePair p : checkList.pairs()) {
            if (p.remote() == learnt) {
                p.replaceRemote(signalled, role);
            }
        }
        checkList.resort();
    }

    List<IceCandidate> all() {
        return List.copyOf(candidates);
    }

    void clear() {
        candidates.clear();
        addresses.clear();
    }
}
