package io.jrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link IceAgent} plugged into a {@link SimNetwork}: its sockets, and every event it reported. */
public final class SimPeer {
    public final String name;
    public final IceAgent agent;
    public final List<IceEvent> events = new ArrayList<>();
    public final List<IceConnectionState> states = new ArrayList<>();
    private final SimNetwork network;
    private final Map<Integer, InetSocketAddress> sockets = new LinkedHashMap<>();

    public SimPeer(String name, IceAgentConfig config, SimNetwork network) {
        this.name = name;
        this.agent = new IceAgent(config);
        this.network = network;
    }

    public static InetSocketAddress address(String ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public SimPeer socket(long now, int socketId, String ip, int port) {
        InetSocketAddress a = address(ip, port);
        sockets.put(socketId, a);
        network.attach(a, (t, local, from, data) -> {
            if (data.length > 0 && (data[0] & 0xFF) < 4) { // RFC 7983: STUN is 0..3, DTLS 20..63
                agent.handleReceive(t, socketId, from, data, 0, data.length);
            } else {
                agent.noteTrafficReceived(t, socketId, from);
            }
        });
        agent.addHostSocket(now, socketId, a);
        return this;
    }

    /**
     * A TURN allocation as the agent sees it: a socket at the relayed address, registered as a relayed candidate.
     * The simulated network delivers to and from that address directly, which is what the relay does for the peer.
     */
    public SimPeer relaySocket(long now, int socketId, InetSocketAddress relayed, InetSocketAddress mapped,
                               InetSocketAddress server) {
        sockets.put(socketId, relayed);
        network.attach(relayed, (t, local, from, data) -> {
            if (data.length > 0 && (data[0] & 0xFF) < 4) {
                agent.handleReceive(t, socketId, from, data, 0, data.length);
            } else {
                agent.noteTrafficReceived(t, socketId, from);
            }
        });
        agent.addRelaySocket(now, socketId, relayed, mapped, server);
        return this;
    }

    /** Sends application data (not STUN) on the selected pair, as a DTLS layer would. */
    public void sendAppData(long now) {
        IceCandidatePair p = agent.selectedPair();
        if (p != null) {
            network.send(now, sockets.get(p.localSocketId()), p.remoteAddress(), new byte[] {(byte) 0x17, 1, 2});
        }
    }

    /** Moves the agent's datagrams onto the network and records its events. */
    public void drain(long now) {
        for (IceTransmit t = agent.pollTransmit(); t != null; t = agent.pollTransmit()) {
            network.send(now, sockets.get(t.socketId()), t.destination(), t.data());
        }
        for (IceEvent e = agent.pollEvent(); e != null; e = agent.pollEvent()) {
            events.add(e);
            if (e instanceof IceEvent.ConnectionStateChanged c) {
                states.add(c.s());
            }
        }
    }

    public List<IceCandidate> gatheredCandidates() {
        List<IceCandidate> out = new ArrayList<>();
        for (IceEvent e : events) {
            if (e instanceof IceEvent.CandidateGathered g) {
                out.add(g.c());
            }
        }
        return out;
    }

    public <T extends IceEvent> List<T> eventsOf(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (IceEvent e : events) {
            if (kind.isInstance(e)) {
                out.add(kind.cast(e));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name + "[" + agent.connectionState() + ", " + agent.role() + "]";
    }
}
