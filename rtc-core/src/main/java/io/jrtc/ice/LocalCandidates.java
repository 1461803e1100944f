package io.jrtc.ice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The caller's sockets and the local candidates based on them (RFC 8445 §5.1): host candidates, server-reflexive
 * ones from STUN, peer-reflexive ones learnt from check responses, and relayed ones on the caller's TURN
 * allocations, each of which the agent treats as one more socket.
 */
final class LocalCandidates {
    /**
     * One socket and the candidate it stands for: a bound UDP socket and its host candidate, or a TURN allocation
     * ({@code relayed}) and its relayed candidate, whose datagrams the caller carries through the TURN server.
     */
    record HostSocket(int socketId, InetSocketAddress bound, IceCandidate host, int localPreference,
                      boolean relayed) {
        boolean sameFamily(InetAddress other) {
            return (bound.getAddress() instanceof Inet6Address) == (other instanceof Inet6Address);
        }

        /** A UDP socket of ours asks STUN servers for its reflexive address; TCP and relayed candidates do not. */
        boolean asksStunServers() {
            return !relayed && !host.isTcp();
        }
    }

    private static final int COMPONENT = 1;
    private final Map<Integer, HostSocket> sockets = new LinkedHashMap<>();
    private final List<IceCandidate> candidates = new ArrayList<>();

    IceCandidate addHost(int socketId, InetSocketAddress bound) {
        return addSocket(socketId, bound, IceCandidateType.HOST, null, null);
    }

    /**
     * Adds a passive TCP host candidate (RFC 6544 §5.1) on a listening address the caller serves as socket
     * {@code socketId}: checks and data for its pairs go to the stream the peer opened from the pair's remote
     * address. Its priority has the TCP host type preference and the passive direction of §4.2.
     */
    IceCandidate addPassiveTcp(int socketId, InetSocketAddress listening) {
        return addTcp(socketId, listening, IceTcpType.PASSIVE);
    }

    /**
     * Adds an active TCP host candidate (RFC 6544 §5.1) on {@code address}, signalled with the discard port 9
     * (§4.5): the caller opens a stream to a pair's remote passive candidate when the first packet goes there.
     */
    IceCandidate addActiveTcp(int socketId, InetAddress address) {
        return addTcp(socketId, new InetSocketAddress(address, 9), IceTcpType.ACTIVE);
    }

    private IceCandidate addTcp(int socketId, InetSocketAddress listening, IceTcpType direction) {
        requireNew(socketId, listening, IceCandidateType.HOST);
        InetAddress ip = listening.getAddress();
        int classRank = addressClass(ip);
        int sameClass = 0;
        for (HostSocket s : sockets.values()) {
            if (s.host().iceTcpType() == direction && addressClass(s.bound().getAddress()) == classRank) {
                sameClass++;
            }
        }
        int localPreference = IcePriority.tcpLocalPreference(direction.hostDirectionPreference(),
                (classRank << 11) | Math.max(0, 0x7FF - sameClass));
        long priority = IcePriority.candidatePriority(IcePriority.TCP_HOST_TYPE_PREFERENCE, localPreference,
                COMPONENT);
        IceCandidate candidate = new IceCandidate(foundation("tcp-" + direction + "-" + IceCandidateType.HOST, ip,
                null), COMPONENT,
                IceCandidate.TCP, priority, IpLiterals.format(ip), listening.getPort(), IceCandidateType.HOST,
                null, null, direction.toString());
        sockets.put(socketId, new HostSocket(socketId, listening, candidate, localPreference, false));
        candidates.add(candidate);
        return candidate;
    }

    private void requireNew(int socketId, InetSocketAddress address, IceCandidateType type) {
        if (sockets.containsKey(socketId)) {
            throw new IllegalArgumentException("socket id already added: " + socketId);
        }
        InetAddress ip = address.getAddress();
        if (ip == null || ip.isAnyLocalAddress() || address.getPort() == 0) {
            throw new IllegalArgumentException("need a concrete " + type + " address and port: " + address);
        }
    }

    /**
     * Adds a relayed candidate (RFC 8445 §5.1.1.2) on a TURN allocation the caller made, registered as socket
     * {@code socketId}: its address is the relayed transport address, its related address the server-reflexive one
     * the TURN server saw (XOR-MAPPED-ADDRESS), and its foundation separates TURN servers.
     */
    IceCandidate addRelay(int socketId, InetSocketAddress relayed, InetSocketAddress mapped,
                          InetSocketAddress server) {
        return addSocket(socketId, relayed, IceCandidateType.RELAY, mapped, server);
    }

    private IceCandidate addSocket(int socketId, InetSocketAddress address, IceCandidateType type,
                                   InetSocketAddress related, InetSocketAddress server) {
        requireNew(socketId, address, type);
        InetAddress ip = address.getAddress();
        int localPreference = localPreference(ip);
        long priority = IcePriority.candidatePriority(type.typePreference(), localPreference, COMPONENT);
        IceCandidate candidate = new IceCandidate(foundation(type.toString(), ip, server), COMPONENT, IceCandidate.UDP,
                priority,
                IpLiterals.format(ip), address.getPort(), type,
                related == null ? null : IpLiterals.format(related.getAddress()),
                related == null ? null : related.getPort(), null);
        sockets.put(socketId, new HostSocket(socketId, address, candidate, localPreference,
                type == IceCandidateType.RELAY));
        candidates.add(candidate);
        return candidate;
    }

    /**
     * Local preference (RFC 8445 §5.1.2.1): global IPv6 above IPv4 above link-local IPv6 (RFC 8421 §4), and
     * within a class the earlier socket first, so that each host candidate has its own value.
     */
    private int localPreference(InetAddress ip) {
        int addressClass = addressClass(ip);
        int sameClass = 0;
        for (HostSocket s : sockets.values()) {
            if (!s.host().isTcp() && addressClass(s.bound().getAddress()) == addressClass) {
                sameClass++;
            }
        }
        return (addressClass << 14) | Math.max(0, 0x3FFF - sameClass);
    }

    private static int addressClass(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return 2;
        }
        return ip.isLinkLocalAddress() || ip.isSiteLocalAddress() ? 1 : 3;
    }

    /** Foundation (RFC 8445 §5.1.1.3): equal for candidates of one type, base IP and STUN server. */
    private static String foundation(String type, InetAddress base, InetSocketAddress server) {
        CRC32 crc = new CRC32();
        String key = type + "|" + IpLiterals.format(base) + "|"
                + (server == null ? "" : IpLiterals.format(server.getAddress()));
        crc.update(key.getBytes(StandardCharsets.US_ASCII));
        return Long.toString(crc.getValue());
    }

    HostSocket socket(int socketId) {
        return sockets.get(socketId);
    }

    Collection<HostSocket> sockets() {
        return sockets.values();
    }

    List<IceCandidate> all() {
        return List.copyOf(candidates);
    }

    /** Adds a server-reflexive candidate, or returns null when it is redundant with one already known (§5.1.3). */
    IceCandidate addServerReflexive(HostSocket base, InetSocketAddress mapped, InetSocketAddress server) {
        if (isKnown(mapped)) {
            return null;
        }
        long priority = IcePriority.candidatePriority(IceCandidateType.SRFLX.typePreference(), base.localPreference(),
                COMPONENT);
        IceCandidate c = new IceCandidate(foundation(IceCandidateType.SRFLX.toString(), base.bound().getAddress(),
                server), COMPONENT, IceCandidate.UDP, priority, IpLiterals.format(mapped.getAddress()),
                mapped.getPort(),
                IceCandidateType.SRFLX, base.host().address(), base.host().port(), null);
        candidates.add(c);
        return c;
    }

    /** Adds a local peer-reflexive candidate learnt from a check response (RFC 8445 §7.2.5.3.1), if new. */
    IceCandidate addPeerReflexive(HostSocket base, InetSocketAddress mapped, long priority) {
        if (isKnown(mapped)) {
            return null;
        }
        String transport = base.host().protocol();
        IceCandidate c = new IceCandidate(foundation(transport + "-" + IceCandidateType.PRFLX,
                base.bound().getAddress(), null), COMPONENT, transport, priority,
                IpLiterals.format(mapped.getAddress()), mapped.getPort(), IceCandidateType.PRFLX,
                base.host().address(), base.host().port(), base.host().tcpType());
        candidates.add(c);
        return c;
    }

    /** The priority a peer-reflexive candidate on this base would get: the PRIORITY of checks (§7.1.1). */
    static long peerReflexivePriority(HostSocket base) {
        int typePreference = base.host().isTcp() ? IcePriority.TCP_PEER_REFLEXIVE_TYPE_PREFERENCE
                : IceCandidateType.PRFLX.typePreference();
        return IcePriority.candidatePriority(typePreference, base.localPreference(), COMPONENT);
    }

    private boolean isKnown(InetSocketAddress address) {
        for (IceCandidate c : candidates) {
            if (address.equals(c.socketAddress())) {
                return true;
            }
        }
        return false;
    }

    /** Forgets reflexive candidates, which an ICE restart gathers anew; host and relayed ones stay with their sockets. */
    void clearReflexive() {
        candidates.removeIf(c -> c.type() == IceCandidateType.SRFLX || c.type() == IceCandidateType.PRFLX);
    }
}
