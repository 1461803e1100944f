package io.jrtc.pc;

import io.jrtc.ice.IceAgent;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.net.UdpSocket;
import io.jrtc.turn.TurnClient;
import io.jrtc.turn.TurnClientConfig;
import io.jrtc.turn.TurnEvent;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The TURN allocations of one gatherer (RFC 8656 over UDP): one per TURN server, made from a host socket of the
 * server's address family, and registered with the ICE agent as a relayed socket once allocated. Checks the agent
 * sends on such a socket go out as Send indications to the server, after a permission for the peer's address, and
 * data as ChannelData once a channel to the peer is bound; what the server relays back goes to the agent or, if not STUN, to the layer above. All
 * on the connection's loop.
 */
final class TurnRelays {
    private static final System.Logger LOG = System.getLogger(TurnRelays.class.getName());

    /** A TURN server to allocate on, resolved. */
    record Server(InetSocketAddress address, String username, String password) {
        @Override
        public String toString() {
            return "TURN " + address + " as " + username;
        }
    }

    private static final class Relay {
        final TurnClient client;
        final Server server;
        final UdpSocket via;
        int socketId = -1;
        boolean pendingInAgent = true;

        Relay(TurnClient client, Server server, UdpSocket via) {
            this.client = client;
            this.server = server;
            this.via = via;
        }
    }

    private final IceAgent agent;
    private final SecureRandom random = new SecureRandom();
    private final List<Relay> relays = new ArrayList<>();

    TurnRelays(IceAgent agent) {
        this.agent = agent;
    }

    /**
     * Allocates on every server from the first host socket of its family; the agent's gathering waits for each.
     */
    void start(long now, List<Server> servers, Map<Integer, UdpSocket> hostSockets) {
        for (Server server : servers) {
            UdpSocket via = socketFor(server.address(), hostSockets);
            if (via == null) {
                LOG.log(Level.DEBUG, "no local socket of the family of {0}", server);
                continue;
            }
            TurnClient client = new TurnClient(TurnClientConfig.of(server.address(), server.username(),
                    server.password()), random);
            relays.add(new Relay(client, server, via));
            agent.relayAllocationStarted();
            client.allocate(now);
        }
    }

    private static UdpSocket socketFor(InetSocketAddress server, Map<Integer, UdpSocket> hostSockets) {
        boolean v6 = server.getAddress() instanceof Inet6Address;
        for (UdpSocket socket : hostSockets.values()) {
            if ((socket.localAddress().getAddress() instanceof Inet6Address) == v6) {
                return socket;
            }
        }
        return null;
    }

    /** Takes a datagram that arrived on a host socket from a TURN server; false when it is not from one. */
    boolean handleDatagram(long now, UdpSocket socket, InetSocketAddress sender, byte[] data, int length) {
        for (Relay relay : relays) {
            if (relay.via == socket && relay.server.address().equals(sender)) {
                relay.client.handleReceive(now, sender, data, 0, length);
                return true;
            }
        }
        return false;
    }

    boolean isRelaySocket(int socketId) {
        return relayFor(socketId) != null;
    }

    /** Relays a datagram from a relayed socket to a peer, asking for the peer's permission first if need be. */
    void send(long now, int socketId, InetSocketAddress peer, byte[] data, int offset, int length) {
        Relay relay = relayFor(socketId);
        if (relay == null || relay.client.state() != TurnClient.State.ALLOCATED) {
            return;
        }
        relay.client.createPermission(now, peer.getAddress());
        if ((data[offset] & 0xFF) >= 4) {
            // The peer carries DTLS now: a channel saves 32 bytes per datagram (ChannelData instead of a Send
            // indication, RFC 8656 §12); until the server confirms it, indications go on.
            bindChannel(now, relay, peer);
        }
        relay.client.send(now, peer, data, offset, length);
    }

    private static void bindChannel(long now, Relay relay, InetSocketAddress peer) {
        try {
            relay.client.bindChannel(now, peer);
        } catch (IllegalStateException allChannelNumbersUsed) {
            LOG.log(Level.DEBUG, "no channel for {0}; Send indications carry its data", peer);
        }
    }

    /**
     * Moves each client's datagrams to its socket and its events to the agent; data from peers goes to the agent
     * (STUN) or to {@code nonStun}. Returns whether anything moved.
     */
    boolean pump(long now, IntSupplier nextSocketId, DatagramReceiver nonStun) {
        boolean moved = false;
        for (Relay relay : relays) {
            for (byte[] datagram = relay.client.pollTransmit(); datagram != null;
                 datagram = relay.client.pollTransmit()) {
                relay.via.send(relay.server.address(), datagram, 0, datagram.length);
                moved = true;
            }
            for (TurnEvent event = relay.client.pollEvent(); event != null; event = relay.client.pollEvent()) {
                moved = true;
                onEvent(now, relay, event, nextSocketId, nonStun);
            }
        }
        return moved;
    }

    private void onEvent(long now, Relay relay, TurnEvent event, IntSupplier nextSocketId, DatagramReceiver nonStun) {
        if (event instanceof TurnEvent.Allocated allocated) {
            relay.socketId = nextSocketId.getAsInt();
            agent.addRelaySocket(now, relay.socketId, allocated.relayedAddress(), allocated.mappedAddress(),
                    relay.server.address());
            endPending(now, relay);
        } else if (event instanceof TurnEvent.DataReceived received) {
            byte[] data = received.data();
            if (relay.socketId < 0 || data.length == 0) {
                return;
            }
            if ((data[0] & 0xFF) < 4) {
                agent.handleReceive(now, relay.socketId, received.peer(), data, 0, data.length);
            } else {
                agent.noteTrafficReceived(now, relay.socketId, received.peer());
                nonStun.onDatagram(relay.via, received.peer(), data, data.length);
            }
        } else if (event instanceof TurnEvent.Failed failed) {
            LOG.log(Level.DEBUG, "{0} failed: {1} {2}", relay.server, failed.errorCode(), failed.reason());
            endPending(now, relay);
        } else if (event instanceof TurnEvent.Closed) {
            endPending(now, relay);
        }
    }

    private void endPending(long now, Relay relay) {
        if (relay.pendingInAgent) {
            relay.pendingInAgent = false;
            agent.relayAllocationEnded(now);
        }
    }

    long deadline() {
        long deadline = Long.MAX_VALUE;
        for (Relay relay : relays) {
            deadline = Math.min(deadline, relay.client.pollTimeout());
        }
        return deadline;
    }

    void handleTimeout(long now) {
        for (Relay relay : relays) {
            if (relay.client.pollTimeout() <= now) {
                relay.client.handleTimeout(now);
            }
        }
    }

    /** Deletes every allocation (a Refresh with lifetime 0 each) and flushes it out before the sockets close. */
    void close(long now) {
        for (Relay relay : relays) {
            relay.client.close(now);
            for (byte[] datagram = relay.client.pollTransmit(); datagram != null;
                 datagram = relay.client.pollTransmit()) {
                relay.via.send(relay.server.address(), datagram, 0, datagram.length);
            }
            relay.via.flush();
        }
        relays.clear();
    }

    private Relay relayFor(int socketId) {
        for (Relay relay : relays) {
            if (relay.socketId == socketId) {
                return relay;
            }
        }
        return null;
    }
}
