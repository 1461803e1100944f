package io.jrtc.net;

import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection a datagram on a shared port belongs to: by the receiver's ufrag in a peer's STUN Binding request
 * (its first packet, {@link StunUfrag}), then by the peer's address, which that request (or a check we sent there)
 * bound to the connection. Anything else, a stranger's datagram, has no route. Lookups are lock-free, since every
 * socket loop routes; changes are serialized. Removing a route removes every key that leads to it.
 *
 * @param <R> what a route leads to (a connection's endpoint on the port)
 */
final class SharedPortRoutes<R> {
    /**
     * Peer addresses one route may hold: a peer's candidates and the checks it answered, far above what ICE pairs
     * (the agent's remote-candidate limit), low enough that requests spoofed with a known ufrag cannot grow the map.
     */
    static final int MAX_ADDRESSES_PER_ROUTE = 64;

    private final Map<String, R> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, R> byAddress = new ConcurrentHashMap<>();
    private final Map<R, Keys> keys = new ConcurrentHashMap<>();

    private static final class Keys {
        final Set<String> ufrags = new HashSet<>();
        final Set<InetSocketAddress> addresses = new HashSet<>();
    }

    /** Routes checks for {@code ufrag} to {@code route}; false when another route has that ufrag already. */
    synchronized boolean addUfrag(String ufrag, R route) {
        R existing = byUfrag.putIfAbsent(ufrag, route);
        if (existing != null && existing != route) {
            return false;
        }
        keys.computeIfAbsent(route, r -> new Keys()).ufrags.add(ufrag);
        return true;
    }

    /**
     * The route of a datagram from {@code sender}: a Binding request for a known ufrag goes to its route, and binds
     * the sender's address to it from then on; anything else goes where the sender's address is bound, or nowhere.
     */
    R route(InetSocketAddress sender, byte[] data, int length) {
        if (length > 0 && (data[0] & 0xFF) < 4) {
            String ufrag = StunUfrag.receiverUfrag(data, length);
            R route = ufrag == null ? null : byUfrag.get(ufrag);
            if (route != null) {
                if (byAddress.get(sender) != route) {
                    bindAddress(sender, route, true);
                }
                return route;
            }
        }
        return byAddress.get(sender);
    }

    /**
     * The route a Binding request for a known ufrag leads to, binding no address: what a shared TCP port asks of a
     * stream's first packet, after which the stream itself is the route. Null for anything else.
     */
    R routeByUfrag(byte[] data, int length) {
        if (length == 0 || (data[0] & 0xFF) >= 4) {
            return null;
        }
        String ufrag = StunUfrag.receiverUfrag(data, length);
        return ufrag == null ? null : byUfrag.get(ufrag);
    }

    /** A check we send to {@code peer}: its answers come back to {@code route}, unless the address has a route. */
    void noteDestination(InetSocketAddress peer, R route) {
        if (byAddress.get(peer) == null) {
            bindAddress(peer, route, false);
        }
    }

    private synchronized void bindAddress(InetSocketAddress peer, R route, boolean replace) {
        Keys own = keys.get(route);
        if (own == null || own.addresses.size() >= MAX_ADDRESSES_PER_ROUTE && !own.addresses.contains(peer)) {
            return;  // a removed route, or one at its limit
        }
        R previous = replace ? byAddress.put(peer, route) : byAddress.putIfAbsent(peer, route);
        if (previous == null || previous == route || replace) {
            own.addresses.add(peer);
        }
        if (previous != null && previous != route && replace) {
            Keys theirs = keys.get(previous);
            if (theirs != null) {
                theirs.addresses.remove(peer);
            }
        }
    }

    /** Forgets {@code route} and every ufrag and address that led to it. */
    synchronized void remove(R route) {
        Keys own = keys.remove(route);
        if (own == null) {
            return;
        }
        own.ufrags.forEach(ufrag -> byUfrag.remove(ufrag, route));
        own.addresses.forEach(address -> byAddress.remove(address, route));
    }

    /** Routes held now; the leak check of tests. */
    int size() {
        return keys.size();
    }

    /** Ufrag and address keys held now, over every route. */
    int keyCount() {
        return byUfrag.size() + byAddress.size();
    }
}
