package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceAgent;
import io.jrtc.dtls.DtlsConfig;
import io.jrtc.dtls.DtlsEndpoint;
import io.jrtc.dtls.DtlsEvent;
import io.jrtc.dtls.DtlsState;
import io.jrtc.ice.IceCandidate;
import io.jrtc.net.DatagramEndpoint;
import io.jrtc.net.TcpStreamSocket;
import io.jrtc.net.TlsClientSettings;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.stun.StunRetransmissionPolicy;
import io.jrtc.turn.StreamFramer;
import io.jrtc.turn.TurnClient;
import io.jrtc.turn.TurnClientConfig;
import io.jrtc.turn.TurnEvent;
import io.jrtc.turn.TurnParseException;
import java.lang.System.Logger.Level;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The TURN allocations of one gatherer (RFC 8656): one per TURN server, registered with the ICE agent as a relayed
 * socket once allocated. Over UDP the client leg uses a host socket of the server's address family; over DTLS
 * ({@code turns:...?transport=udp}, §3.1, RFC 7065 §3) it uses that host socket too, with every TURN message in a
 * DTLS record of a BouncyCastle client that verifies the server's certificate as TLS does, and allocates once the
 * handshake is done; over TCP or TLS ({@code turn:...?transport=tcp}, {@code turns:}) it has its own connection,
 * on the connection's loop, framed by {@link StreamFramer}, and losing that connection (or the DTLS session) ends
 * the allocation. The relayed address is UDP either
 * way. Checks the agent sends on a relayed socket go out as Send indications, after a permission for the peer's
 * address, and data as ChannelData once a channel to the peer is bound; what the server relays back goes to the
 * agent or, if not STUN, to the layer above.
 */
public final class TurnRelays {
    private static final System.Logger LOG = System.getLogger(TurnRelays.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Over a reliable transport a request is sent once and given up after 39.5 s (RFC 8489 §6.2.2): the stream
     * retransmits, a STUN retransmission would only be a duplicate.
     */
    static final StunRetransmissionPolicy STREAM_RETRANSMISSION = new StunRetransmissionPolicy(
            TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.MILLISECONDS.toNanos(500), 1, 79);
    /**
     * DTLS datagrams to a TURN server: a peer's 1200-byte DTLS datagram in a Send indication must fit one record,
     * and 1472 bytes is what a 1500-byte Ethernet MTU leaves after the IP and UDP headers.
     */
    static final DtlsConfig TURN_DTLS = DtlsConfig.DEFAULT.withMtu(1472).withHandshakeTimeout(CONNECT_TIMEOUT);
    /**
     * How TLS and DTLS connections to {@code turns:} servers are verified, by host name; tests trust their own
     * server.
     */
    private static volatile Function<String, TlsClientSettings> tlsSettings = TlsClientSettings::systemTrust;

    /**
     * A TURN server to allocate on, resolved; {@code transport} is udp, dtls, tcp or tls, {@code host} as in the
     * URL.
     */
    record Server(InetSocketAddress address, String username, String password, String transport, String host) {
        Server(InetSocketAddress address, String username, String password) {
            this(address, username, password, "udp", address.getHostString());
        }

        boolean overStream() {
            return transport.equals("tcp") || transport.equals("tls");
        }

        boolean overDtls() {
            return transport.equals("dtls");
        }

        @Override
        public String toString() {
            return "TURN " + address + " over " + transport + " as " + username;
        }
    }

    /** How {@code turns:} connections (TLS and DTLS) of every connection in this JVM are verified now. */
    public static Function<String, TlsClientSettings> tlsSettings() {
        return tlsSettings;
    }

    /**
     * Verifies {@code turns:} connections with {@code settings} from now on (a test trusting its own TURN server);
     * the default is the system trust store with hostname verification.
     */
    public static void useTlsSettings(Function<String, TlsClientSettings> settings) {
        tlsSettings = settings;
    }

    private static final class Relay {
        final TurnClient client;
        final Server server;
        final DatagramEndpoint via;
        final StreamFramer framer;
        TcpStreamSocket stream;
        /** The DTLS session of a {@code turns:...?transport=udp} server, over {@link #via}; else null. */
        DtlsEndpoint dtls;
        int socketId = -1;
        boolean pendingInAgent = true;
        boolean ended;

        Relay(TurnClient client, Server server, DatagramEndpoint via) {
            this.client = client;
            this.server = server;
            this.via = via;
            this.framer = server.overStream() ? new StreamFramer() : null;
        }
    }

    private final IceAgent agent;
    private final ConnectionContext context;
    private final SecureRandom random = new SecureRandom();
    private final List<Relay> relays = new ArrayList<>();

    TurnRelays(IceAgent agent, ConnectionContext context) {
        this.agent = agent;
        this.context = context;
    }

    /**
     * Allocates on every server: over UDP from the first host socket of its family, over TCP or TLS on a new
     * connection. The agent's gathering waits for each.
     */
    void start(long now, List<Server> servers, Map<Integer, DatagramEndpoint> hostSockets) {
        for (Server server : servers) {
            if (server.overStream()) {
                connect(server);
                continue;
            }
            DatagramEndpoint via = socketFor(server.address(), hostSockets);
            if (via == null) {
                LOG.log(Level.DEBUG, "no local socket of the family of {0}", server);
                continue;
            }
            TurnClient client = new TurnClient(TurnClientConfig.of(server.address(), server.username(),
                    server.password()), random);
            Relay relay = new Relay(client, server, via);
            relays.add(relay);
            agent.relayAllocationStarted();
            if (server.overDtls()) {
                startDtls(now, relay);
            } else {
                client.allocate(now);
            }
        }
    }

    /** Begins the DTLS handshake with the server; the allocation starts when it is done. */
    private void startDtls(long now, Relay relay) {
        TlsClientSettings tls = tlsSettings.apply(relay.server.host());
        relay.dtls = DtlsEndpoint.verifyingClient(relay.server.host(), tls::checkServerTrusted,
                context.engine().handshakeExecutor(), context.pump()::request, TURN_DTLS);
        relay.dtls.start(now);
    }

    /**
     * Moves a DTLS session's output: its datagrams to the server, its decrypted records (TURN messages) to the
     * client, its events to the allocation. Returns whether anything moved.
     */
    private boolean drainDtls(long now, Relay relay) {
        boolean moved = false;
        for (DtlsEvent event = relay.dtls.pollEvent(); event != null; event = relay.dtls.pollEvent()) {
            moved = true;
            if (event instanceof DtlsEvent.Connected) {
                relay.client.allocate(now);
            } else if (event instanceof DtlsEvent.Failed failed) {
                LOG.log(Level.WARNING, "{0}: no relayed candidate: DTLS {1}", relay.server, failed.reason());
                end(now, relay);
                return true;
            } else if (event instanceof DtlsEvent.Closed) {
                LOG.log(Level.INFO, "{0}: DTLS closed by the server; the allocation is gone", relay.server);
                end(now, relay);
                return true;
            }
        }
        for (byte[] record = relay.dtls.pollApplicationData(); record != null;
             record = relay.dtls.pollApplicationData()) {
            moved = true;
            relay.client.handleReceive(now, relay.server.address(), record, 0, record.length);
        }
        return moved | sendDtlsDatagrams(relay);
    }

    private static boolean sendDtlsDatagrams(Relay relay) {
        boolean moved = false;
        for (byte[] datagram = relay.dtls.pollTransmit(); datagram != null; datagram = relay.dtls.pollTransmit()) {
            relay.via.send(relay.server.address(), datagram, 0, datagram.length);
            moved = true;
        }
        return moved;
    }

    private void connect(Server server) {
        TurnClient client = new TurnClient(new TurnClientConfig(server.address(), server.username(),
                server.password(), TurnClientConfig.DEFAULT_LIFETIME_SECONDS, STREAM_RETRANSMISSION), random);
        Relay relay = new Relay(client, server, null);
        relays.add(relay);
        agent.relayAllocationStarted();
        TlsClientSettings tls = server.transport().equals("tls") ? tlsSettings.apply(server.host()) : null;
        TcpStreamSocket.connect(context.engine().loops(), context.pump().loop(), server.address(), tls,
                CONNECT_TIMEOUT, new StreamReceiver(relay)).whenComplete((socket, failure) -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "{0}: no relayed candidate: {1}", server, failure.getMessage());
                        end(context.pump().now(), relay);
                    } else if (relay.ended) {
                        socket.close();
                    } else {
                        relay.stream = socket;
                        client.allocate(context.pump().now());
                    }
                    context.pump().run();
                });
    }

    /** The stream of one TURN-over-TCP/TLS allocation, on the connection's loop. */
    private final class StreamReceiver implements TcpStreamSocket.StreamReceiver {
        private final Relay relay;

        StreamReceiver(Relay relay) {
            this.relay = relay;
        }

        @Override
        public void onBytes(TcpStreamSocket socket, byte[] data, int offset, int length) {
            if (relay.ended) {
                return;
            }
            relay.framer.feed(data, offset, length);
            long now = context.pump().now();
            try {
                for (byte[] frame = relay.framer.next(); frame != null; frame = relay.framer.next()) {
                    relay.client.handleReceive(now, relay.server.address(), frame, 0, frame.length);
                }
            } catch (TurnParseException e) {
                LOG.log(Level.WARNING, "{0}: {1}; closing the connection", relay.server, e.getMessage());
                socket.close();
                end(now, relay);
            }
        }

        @Override
        public void onReadComplete(TcpStreamSocket socket) {
            context.pump().run();
        }

        @Override
        public void onClosed(TcpStreamSocket socket, Throwable cause) {
            if (!relay.ended) {
                LOG.log(Level.INFO, "{0}: connection lost ({1}); the allocation is gone", relay.server,
                        cause == null ? "closed by the server" : cause.toString());
                end(context.pump().now(), relay);
                context.pump().run();
            }
        }
    }

    /**
     * Forgets an allocation whose client leg is gone: its socket id no longer sends, so checks and consent on pairs
     * over it fail and ICE moves to other pairs (RFC 7675).
     */
    private void end(long now, Relay relay) {
        relay.ended = true;
        relays.remove(relay);
        endPending(now, relay);
    }

    private static DatagramEndpoint socketFor(InetSocketAddress server, Map<Integer, DatagramEndpoint> hostSockets) {
        boolean v6 = server.getAddress() instanceof Inet6Address;
        for (DatagramEndpoint socket : hostSockets.values()) {
            if ((socket.localAddress().getAddress() instanceof Inet6Address) == v6) {
                return socket;
            }
        }
        return null;
    }

    /** Takes a datagram that arrived on a host socket from a TURN server; false when it is not from one. */
    boolean handleDatagram(long now, DatagramEndpoint socket, InetSocketAddress sender, byte[] data, int length) {
        for (Relay relay : relays) {
            if (relay.via == socket && relay.server.address().equals(sender)) {
                if (relay.dtls != null) {
                    relay.dtls.handleReceive(now, data, 0, length);  // drained into the client by the next pump
                } else {
                    relay.client.handleReceive(now, sender, data, 0, length);
                }
                return true;
            }
        }
        return false;
    }

    boolean isRelaySocket(int socketId) {
        return relayFor(socketId) != null;
    }

    /**
     * How the client reaches the TURN server behind a local relayed candidate (the W3C stats' relayProtocol: udp,
     * tcp or tls), or null when the candidate is not one of ours.
     */
    String relayProtocol(IceCandidate candidate) {
        for (Relay relay : relays) {
            InetSocketAddress relayed = relay.client.relayedAddress();
            if (relayed != null && relay.socketId >= 0 && relayed.getPort() == candidate.port()
                    && relayed.getAddress().getHostAddress().equals(candidate.address())) {
                return relay.server.transport();
            }
        }
        return null;
    }

    /** Relays a datagram from a relayed socket to a peer, asking for the peer's permission first if need be. */
    void send(long now, int socketId, InetSocketAddress peer, byte[] data, int offset, int length) {
        Relay relay = relayFor(socketId);
        if (relay == null || relay.client.state() != TurnClient.State.ALLOCATED) {
            return;
        }
        relay.client.createPermission(now, peer.getAddress());
        if (!PacketDemultiplexer.isStun(data, offset, length)) {
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
     * Moves each client's messages to its socket or stream and its events to the agent; data from peers goes
     * through {@code demultiplexer}, as if it had arrived on the relayed socket. Returns whether anything moved.
     */
    boolean pump(long now, IntSupplier nextSocketId, PacketDemultiplexer demultiplexer) {
        boolean moved = false;
        for (int i = 0; i < relays.size(); i++) {
            Relay relay = relays.get(i);
            if (relay.dtls != null && drainDtls(now, relay) && relay.ended) {
                i--;
                continue;
            }
            moved |= transmit(relay);
            for (TurnEvent event = relay.client.pollEvent(); event != null; event = relay.client.pollEvent()) {
                moved = true;
                onEvent(now, relay, event, nextSocketId, demultiplexer);
            }
            if (relay.ended) {
                i--;  // a lost stream took it out of the list
            }
        }
        return moved;
    }

    private static boolean transmit(Relay relay) {
        boolean moved = false;
        for (byte[] message = relay.client.pollTransmit(); message != null; message = relay.client.pollTransmit()) {
            moved = true;
            if (relay.dtls != null) {
                sendOverDtls(relay, message);
            } else if (relay.via != null) {
                relay.via.send(relay.server.address(), message, 0, message.length);
            } else if (relay.stream != null) {
                byte[] framed = StreamFramer.toStream(message);
                relay.stream.write(framed, 0, framed.length);
            }
        }
        if (moved && relay.stream != null) {
            relay.stream.flush();
        }
        return moved;
    }

    /** One TURN message in one DTLS record; before the handshake is done the client has nothing to send yet. */
    private static void sendOverDtls(Relay relay, byte[] message) {
        if (relay.dtls.state() != DtlsState.CONNECTED) {
            return;
        }
        try {
            relay.dtls.send(message, 0, message.length);
        } catch (IllegalArgumentException tooLarge) {
            LOG.log(Level.DEBUG, "{0}: a {1}-byte message does not fit a DTLS record; dropped", relay.server,
                    message.length);
        }
        sendDtlsDatagrams(relay);
    }

    private void onEvent(long now, Relay relay, TurnEvent event, IntSupplier nextSocketId,
                         PacketDemultiplexer demultiplexer) {
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
            demultiplexer.dispatch(now, relay.socketId, received.peer(), data, data.length);
        } else if (event instanceof TurnEvent.Failed failed) {
            LOG.log(Level.DEBUG, "{0} failed: {1} {2}", relay.server, failed.errorCode(), failed.reason());
            if (relay.stream != null || relay.dtls != null) {
                closeLeg(relay);
                end(now, relay);
            }
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
            if (relay.dtls != null) {
                deadline = Math.min(deadline, relay.dtls.handshakeDeadline());
            }
        }
        return deadline;
    }

    void handleTimeout(long now) {
        for (Relay relay : relays) {
            if (relay.client.pollTimeout() <= now) {
                relay.client.handleTimeout(now);
            }
            // The DTLS handshake with the server has its deadline on the connection's clock too.
            if (relay.dtls != null && relay.dtls.handshakeDeadline() <= now) {
                relay.dtls.handleTimeout(now);
            }
        }
    }

    /**
     * Deletes every allocation (a Refresh with lifetime 0 each) and flushes it out before the sockets close; a
     * stream is closed after its Refresh is written.
     */
    void close(long now) {
        for (Relay relay : relays) {
            relay.ended = true;
            if (relay.client.state() != TurnClient.State.NEW) {
                relay.client.close(now);
            }
            transmit(relay);
            closeLeg(relay);
            if (relay.via != null) {
                relay.via.flush();
            }
        }
        relays.clear();
    }

    /** Closes a stream, or a DTLS session with its close_notify sent (RFC 6347 §4.2.7 by way of TLS). */
    private static void closeLeg(Relay relay) {
        if (relay.stream != null) {
            relay.stream.close();
        }
        if (relay.dtls != null) {
            relay.dtls.close();
            sendDtlsDatagrams(relay);
        }
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
