package io.jrtc.ice;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The check list of the single data stream (RFC 8445 §6.1.2): pairs sorted by decreasing priority, and the FIFO
 * triggered-check queue (§6.1.4.1). All pairs start Waiting: with one component and one stream, freezing
 * (§6.1.2.6) would only delay checks, so every pair is unfrozen at once.
 */
final class CheckList {
    private static final Comparator<IceCandidatePair> BY_PRIORITY =
            (a, b) -> Long.compareUnsigned(b.priority(), a.priority());
    private static final Set<IceCandidatePairState> PENDING = EnumSet.of(IceCandidatePairState.FROZEN,
            IceCandidatePairState.WAITING, IceCandidatePairState.IN_PROGRESS);

    /** An entry of the triggered-check queue; {@code useCandidate} marks a nomination (§8.1.1). */
    record Triggered(IceCandidatePair pair, boolean useCandidate) {
    }

    private final List<IceCandidatePair> pairs = new ArrayList<>();
    private final int maxPairs;
    private final DestinationPolicy destinations;
    private final ArrayDeque<Triggered> triggered = new ArrayDeque<>();

    /**
     * {@code maxPairs}: the pairs kept at most (RFC 8445 §6.1.2.5 suggests 100); {@code destinations}: which remote
     * addresses each socket may check.
     */
    CheckList(int maxPairs, DestinationPolicy destinations) {
        this.maxPairs = maxPairs;
        this.destinations = destinations;
    }

    IceCandidatePair find(int socketId, InetSocketAddress remote) {
        for (IceCandidatePair p : pairs) {
            if (p.matches(socketId, remote)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The pair of this socket's host candidate and a remote candidate of the same address family, created if new
     * (RFC 8445 §6.1.2.2); null when the families differ or the socket may not send there (loopback from a socket
     * that is not, say).
     */
    IceCandidatePair pair(LocalCandidates.HostSocket socket, IceCandidate remote, IceRole role) {
        InetSocketAddress address = remote.socketAddress();
        if (!transportsPair(socket.host(), remote) || !socket.sameFamily(address.getAddress())
                || !destinations.allows(socket.bound(), address)) {
            return null;
        }
        IceCandidatePair existing = find(socket.socketId(), address);
        if (existing != null) {
            return existing;
        }
        IceCandidatePair created = new IceCandidatePair(socket.host(), socket.socketId(), remote, address, role);
        add(created);
        return created;
    }

    /**
     * Whether a local and a remote candidate may form a pair by their transports (RFC 6544 §6.2): UDP with UDP; TCP
     * with TCP of the counterpart direction. A pair of our passive candidate exists only for a stream the peer
     * opened, whose far end is a peer-reflexive candidate (the active one it signalled has the discard port 9,
     * §4.5): we never connect out of a passive candidate.
     */
    static boolean transportsPair(IceCandidate local, IceCandidate remote) {
        if (!local.isTcp() || !remote.isTcp()) {
            return local.isTcp() == remote.isTcp();
        }
        IceTcpType ours = local.iceTcpType();
        if (ours == null || remote.iceTcpType() != ours.counterpart()) {
            return false;
        }
        return ours != IceTcpType.PASSIVE || remote.type() == IceCandidateType.PRFLX;
    }

    /** Inserts by priority; past the limit, the lowest-priority pair not being checked or valid is pruned. */
    void add(IceCandidatePair pair) {
        pairs.add(pair);
        pairs.sort(BY_PRIORITY);
        if (pairs.size() > maxPairs) {
            for (int i = pairs.size() - 1; i >= 0; i--) {
                IceCandidatePair p = pairs.get(i);
                if (p != pair && p.state() != IceCandidatePairState.IN_PROGRESS
                        && p.state() != IceCandidatePairState.SUCCEEDED) {
                    pairs.remove(i);
                    triggered.removeIf(t -> t.pair() == p);
                    break;
                }
            }
        }
    }

    /** Recomputes pair priorities after a role change (§7.2.5.1) and re-sorts. */
    void reprioritize(IceRole role) {
        for (IceCandidatePair p : pairs) {
            p.updatePriority(role);
        }
        pairs.sort(BY_PRIORITY);
    }

    void resort() {
        pairs.sort(BY_PRIORITY);
    }

    /** Queues a triggered check; a nomination goes first, and a pair already queued is not queued twice. */
    void enqueueTriggered(IceCandidatePair pair, boolean useCandidate) {
        Triggered existing = null;
        for (Triggered t : triggered) {
            if (t.pair() == pair) {
                existing = t;
            }
        }
        if (existing != null) {
            if (!useCandidate || existing.useCandidate()) {
                return;
            }
            triggered.remove(existing);
        }
        if (useCandidate) {
            triggered.addFirst(new Triggered(pair, true));
        } else {
            triggered.addLast(new Triggered(pair, false));
        }
    }

    Triggered peekTriggered() {
        return triggered.peek();
    }

    Triggered pollTriggered() {
        return triggered.poll();
    }

    boolean hasTriggered() {
        return !triggered.isEmpty();
    }

    /** The highest-priority Waiting pair (§6.1.4.2), or null. */
    IceCandidatePair nextWaiting() {
        for (IceCandidatePair p : pairs) {
            if (p.state() == IceCandidatePairState.WAITING) {
                return p;
            }
        }
        return null;
    }

    /** The highest-priority valid pair, or null. */
    IceCandidatePair bestSucceeded() {
        for (IceCandidatePair p : pairs) {
            if (p.state() == IceCandidatePairState.SUCCEEDED) {
                return p;
            }
        }
        return null;
    }

    /** Whether a pair of higher priority than {@code pair} may still succeed. */
    boolean anyPendingAbove(IceCandidatePair pair) {
        for (IceCandidatePair p : pairs) {
            if (p == pair) {
                return false;
            }
            if (PENDING.contains(p.state())) {
                return true;
            }
        }
        return false;
    }

    boolean allFailed() {
        if (pairs.isEmpty() || !triggered.isEmpty()) {
            return false;
        }
        for (IceCandidatePair p : pairs) {
            if (p.state() != IceCandidatePairState.FAILED) {
                return false;
            }
        }
        return true;
    }

    List<IceCandidatePair> pairs() {
        return List.copyOf(pairs);
    }

    void clear() {
        pairs.clear();
        triggered.clear();
    }
}
