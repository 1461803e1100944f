package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceAgent;
import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceEvent;
import io.jrtc.ice.IceGatheringState;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.ice.IceTransmit;
import io.jrtc.net.ActiveTcpEndpoint;
import io.jrtc.net.DatagramEndpoint;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.net.SharedPortEndpoint;
import io.jrtc.net.SharedTcpEndpoint;
import io.jrtc.net.SharedTcpPorts;
import io.jrtc.net.SharedUdpPorts;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceGatheringState;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.RTCIceServer;
import io.jrtc.pc.RTCIceTransportPolicy;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.internal.config.ProtocolConfigs;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import io.jrtc.pc.internal.loop.Pump;
import io.netty.util.collection.IntObjectHashMap;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Gathers local candidates (behind the reference's RTCIceGatherer): binds a UDP socket per local address, from the
 * engine's port range, asks the configured STUN servers for server-reflexive addresses and allocates a relayed
 * address on each TURN server ({@code turn:} over UDP, TCP or TLS). It owns the sockets, the TURN allocations and
 * the ICE agent that {@link IceTransport} then runs checks with, and the {@link PacketDemultiplexer} every datagram
 * they receive goes through. Under the {@code relay} policy only relayed
 * candidates are offered and used; the host sockets then only carry the TURN traffic (or none, over TCP or TLS).
 */
public final class IceGatherer implements Pump.Stage {
    private final ConnectionContext context;
    private final List<RTCIceServer> iceServers;
    private volatile IceParameters localParameters;
    private final IceAgent agent;
    private final RTCIceTransportPolicy policy;
    private final TurnRelays relays;
    /** By socket id; a primitive-keyed map, since every datagram sent looks its socket up here. */
    private final IntObjectHashMap<DatagramEndpoint> sockets = new IntObjectHashMap<>();
    private int nextSocketId;
    private final List<RTCIceCandidate> localCandidates = new CopyOnWriteArrayList<>();
    private final Listeners<RTCIceGatheringState> stateListeners;
    private final Listeners<RTCIceCandidate> candidateListeners;
    private volatile CompletableFuture<Void> complete = new CompletableFuture<>();
    private volatile RTCIceGatheringState state = RTCIceGatheringState.NEW;
    private final PacketDemultiplexer demultiplexer;
    private Consumer<IceEvent> connectivityEvents = event -> { };
    private Consumer<RTCIceCandidate> connectionCandidateListener = candidate -> { };
    private String sdpMid;
    private Integer sdpMLineIndex;
    private boolean gatherStarted;
    private List<TurnRelays.Server> turnServers = List.of();
    private boolean closed;
    private boolean answering;

    public IceGatherer(ConnectionContext context, List<RTCIceServer> iceServers, RTCIceTransportPolicy policy) {
        this.context = context;
        this.iceServers = List.copyOf(iceServers);
        this.policy = policy;
        SecureRandom random = new SecureRandom();
        this.localParameters = IceParameters.random(random);
        this.agent = new IceAgent(ProtocolConfigs.ice(context.engine().settings().ice(), IceRole.CONTROLLING,
                localParameters, random.nextLong(), random.nextLong()), StunErrorBudget.of(context.engine()));
        this.relays = new TurnRelays(agent, context);
        this.demultiplexer = new PacketDemultiplexer(agent);
        this.stateListeners = context.listeners();
        this.candidateListeners = context.listeners();
        context.pump().add(this);
    }

    public RTCIceGatheringState getState() {
        return state;
    }

    public RTCIceParameters getLocalParameters() {
        return new RTCIceParameters(localParameters.usernameFragment(), localParameters.password(),
                context.engine().settings().ice().lite());
    }

    public List<RTCIceCandidate> getLocalCandidates() {
        return List.copyOf(localCandidates);
    }

    public Subscription onStateChange(Consumer<RTCIceGatheringState> listener) {
        return stateListeners.add(listener);
    }

    /** Each gathered candidate, then {@code null} once gathering is complete. */
    public Subscription onLocalCandidate(Consumer<RTCIceCandidate> listener) {
        return candidateListeners.add(listener);
    }

    /**
     * Gathers host candidates on every configured address, server-reflexive ones from the STUN servers and relayed
     * ones from the TURN servers. Completes when gathering is complete; fails when no socket could be bound.
     */
    public CompletableFuture<Void> gather() {
        return gather(false);
    }

    /**
     * As {@link #gather()}; a connection that {@code answers} gathers its host candidates on the engine's shared
     * UDP ports when it has them, unless it needs sockets of its own (see {@link #sharesPort}).
     */
    public CompletableFuture<Void> gather(boolean answers) {
        this.answering = answers;
        IceServerResolution.resolve(context, iceServers).thenAcceptAsync(this::startGathering,
                        context.pump().loop())
                .exceptionally(failure -> {
                    complete.completeExceptionally(failure);
                    return null;
                });
        return complete;
    }

    private void startGathering(IceServerResolution.Servers servers) {
        if (gatherStarted || closed) {
            return;
        }
        gatherStarted = true;
        turnServers = servers.turn();
        agent.setStunServers(relayOnly() ? List.of() : servers.stun());
        setState(RTCIceGatheringState.GATHERING);
        List<InetAddress> addresses = context.engine().gatheringAddresses();
        List<CompletableFuture<DatagramEndpoint>> binds = new ArrayList<>();
        SharedUdpPorts shared = sharesPort(servers) ? context.engine().sharedUdpPorts() : null;
        for (InetAddress address : addresses) {
            binds.add(shared == null ? bindOwn(address) : shared.attach(context.pump().loop(), address,
                            localParameters.usernameFragment(), receiver())
                    .<DatagramEndpoint>thenApply(endpoint -> endpoint)
                    .exceptionallyCompose(failure -> bindOwn(address)));
        }
        List<CompletableFuture<SharedTcpEndpoint>> tcpBinds = new ArrayList<>();
        SharedTcpPorts tcpPorts = answering && !relayOnly() ? context.engine().sharedTcpPorts() : null;
        if (tcpPorts != null) {
            for (InetAddress address : addresses) {
                tcpBinds.add(tcpPorts.attach(context.pump().loop(), address, localParameters.usernameFragment(),
                        receiver()));
            }
        }
        List<CompletableFuture<?>> all = new ArrayList<>(binds);
        all.addAll(tcpBinds);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handleAsync((ignored, failure) -> {
            onSocketsBound(binds, tcpBinds, addresses);
            return null;
        }, context.pump().loop());
    }

    /**
     * The ICE-TCP candidates (RFC 6544): a passive one on each shared TCP port an answer attached to, and for an
     * offer, with {@link io.jrtc.pc.RtcEngineSettings#activeTcpCandidates()}, an active one per address. Attaching
     * may fail (a port that cannot be opened): the connection goes on with its UDP candidates.
     */
    private void addTcpCandidates(long now, List<CompletableFuture<SharedTcpEndpoint>> tcpBinds,
                                  List<InetAddress> addresses) {
        for (CompletableFuture<SharedTcpEndpoint> bind : tcpBinds) {
            if (bind.isCompletedExceptionally()) {
                continue;
            }
            SharedTcpEndpoint endpoint = bind.join();
            if (closed) {
                endpoint.close();
                continue;
            }
            int socketId = nextSocketId++;
            sockets.put(socketId, endpoint);
            agent.addPassiveTcpSocket(now, socketId, endpoint.localAddress());
        }
        if (answering || relayOnly() || !context.engine().settings().activeTcpCandidates() || closed) {
            return;
        }
        for (InetAddress address : addresses) {
            int socketId = nextSocketId++;
            ActiveTcpEndpoint endpoint = new ActiveTcpEndpoint(context.engine().loops(), context.pump().loop(),
                    address, receiver());
            sockets.put(socketId, endpoint);
            agent.addActiveTcpSocket(now, socketId, address);
        }
    }

    /** Sockets of UDP candidates: what TURN allocations and announced addresses use. */
    private Map<Integer, DatagramEndpoint> udpSockets() {
        Map<Integer, DatagramEndpoint> udp = new LinkedHashMap<>();
        for (Map.Entry<Integer, DatagramEndpoint> entry : sockets.entrySet()) {
            if (!isTcp(entry.getValue())) {
                udp.put(entry.getKey(), entry.getValue());
            }
        }
        return udp;
    }

    private static boolean isTcp(DatagramEndpoint socket) {
        return socket instanceof SharedTcpEndpoint || socket instanceof ActiveTcpEndpoint;
    }

    private CompletableFuture<DatagramEndpoint> bindOwn(InetAddress address) {
        return context.engine().network().bind(context.pump().loop(), address,
                context.engine().settings().portRange(), receiver());
    }

    /**
     * Whether host candidates go on the shared ports: only for answers, and only without STUN servers or TURN
     * servers over UDP, whose transactions and allocations belong to a 5-tuple of the connection's own (a TURN
     * server keeps one allocation per client address and port), and not under the relay policy, where the host
     * sockets exist only to reach TURN.
     */
    private boolean sharesPort(IceServerResolution.Servers servers) {
        return answering && !relayOnly() && context.engine().sharedUdpPorts() != null && servers.stun().isEmpty()
                && servers.turn().stream().allMatch(TurnRelays.Server::overStream);
    }

    private void onSocketsBound(List<CompletableFuture<DatagramEndpoint>> binds,
                                List<CompletableFuture<SharedTcpEndpoint>> tcpBinds, List<InetAddress> addresses) {
        long now = context.pump().now();
        Throwable firstFailure = null;
        for (CompletableFuture<DatagramEndpoint> bind : binds) {
            if (bind.isCompletedExceptionally()) {
                firstFailure = firstFailure != null ? firstFailure : bind.handle((s, e) -> e).join();
                continue;
            }
            DatagramEndpoint socket = bind.join();
            if (closed) {
                socket.close();
                continue;
            }
            int socketId = nextSocketId++;
            sockets.put(socketId, socket);
            if (!relayOnly()) {
                agent.addHostSocket(now, socketId, socket.localAddress());
            }
        }
        if (sockets.isEmpty() && !closed) {
            String reason = binds.isEmpty() ? "no local address to gather on" : "no UDP socket could be bound";
            complete.completeExceptionally(new OperationError(reason, firstFailure));
            setState(RTCIceGatheringState.COMPLETE);
            return;
        }
        if (!relayOnly()) {
            announce(now);
        }
        addTcpCandidates(now, tcpBinds, addresses);
        relays.start(now, turnServers, udpSockets());
        agent.gather(now);
        context.pump().run();
    }

    private boolean relayOnly() {
        return policy == RTCIceTransportPolicy.RELAY;
    }

    /**
     * Announced addresses (a public IP in front of a 1:1 NAT) become extra host candidates on the port of the
     * first socket of their address family; packets sent to them arrive on that socket.
     */
    private void announce(long now) {
        for (String announced : context.engine().settings().announcedAddresses()) {
            InetAddress address;
            try {
                address = InetAddress.getByName(announced);
            } catch (UnknownHostException e) {
                continue;  // RtcEngineSettings only takes IP literals, which never fail here
            }
            for (Map.Entry<Integer, DatagramEndpoint> entry : List.copyOf(udpSockets().entrySet())) {
                InetSocketAddress bound = entry.getValue().localAddress();
                if (bound.getAddress().getClass() == address.getClass()) {
                    int socketId = nextSocketId++;
                    sockets.put(socketId, entry.getValue());
                    agent.addHostSocket(now, socketId, new InetSocketAddress(address, bound.getPort()));
                    break;
                }
            }
        }
    }

    private DatagramReceiver receiver() {
        return new DatagramReceiver() {
            @Override
            public void onDatagram(DatagramEndpoint socket, InetSocketAddress sender, byte[] data, int length) {
                long now = context.pump().now();
                if (closed || length == 0 || relays.handleDatagram(now, socket, sender, data, length)) {
                    return;
                }
                demultiplexer.dispatch(now, socketId(socket), sender, data, length);
            }

            @Override
            public void onReadComplete(DatagramEndpoint socket) {
                context.pump().run();
            }
        };
    }

    private int socketId(DatagramEndpoint socket) {
        for (Map.Entry<Integer, DatagramEndpoint> entry : sockets.entrySet()) {
            if (entry.getValue() == socket) {
                return entry.getKey();
            }
        }
        return -1;
    }

    public IceAgent agent() {
        return agent;
    }

    public ConnectionContext context() {
        return context;
    }

    /** Where every datagram received on this gatherer's sockets and relays is sorted out. */
    public PacketDemultiplexer demultiplexer() {
        return demultiplexer;
    }

    /**
     * How the client reaches the TURN server behind a local relayed candidate (udp, tcp or tls), or null when the
     * candidate is not relayed by us: the W3C stats' relayProtocol.
     */
    public String relayProtocol(IceCandidate candidate) {
        return relays.relayProtocol(candidate);
    }

    /** Sends one datagram from the socket the ICE agent chose; on the loop. */
    public void send(int socketId, InetSocketAddress destination, byte[] data, int offset, int length) {
        if (relays.isRelaySocket(socketId)) {
            relays.send(context.pump().now(), socketId, destination, data, offset, length);
            return;
        }
        DatagramEndpoint socket = sockets.get(socketId);
        if (socket != null) {
            socket.send(destination, data, offset, length);
        }
    }

    /** Moves what the agent has to send to the sockets; returns whether anything moved. */
    private boolean drainTransmits() {
        boolean moved = false;
        IceTransmit transmit;
        while ((transmit = agent.pollTransmit()) != null) {
            send(transmit.socketId(), transmit.destination(), transmit.data(), 0, transmit.data().length);
            moved = true;
        }
        return moved;
    }

    private void flushSockets() {
        for (DatagramEndpoint socket : sockets.values()) {
            socket.flush();
        }
    }

    @Override
    public boolean pump(long now) {
        boolean moved = relays.pump(now, () -> nextSocketId++, demultiplexer);
        moved |= drainTransmits();
        IceEvent event;
        while ((event = agent.pollEvent()) != null) {
            moved = true;
            if (event instanceof IceEvent.CandidateGathered gathered) {
                onCandidateGathered(gathered.c());
            } else if (event instanceof IceEvent.GatheringStateChanged changed) {
                if (changed.s() == IceGatheringState.COMPLETE) {
                    onGatheringComplete();
                }
            } else {
                connectivityEvents.accept(event);
            }
        }
        return moved;
    }

    @Override
    public long deadline() {
        return closed ? Long.MAX_VALUE : Math.min(agent.pollTimeout(), relays.deadline());
    }

    @Override
    public void onTimeout(long now) {
        agent.handleTimeout(now);
        relays.handleTimeout(now);
    }

    @Override
    public void settle() {
        flushSockets();
    }

    /** The m-line the candidates belong to (the BUNDLE transport's); set before gathering. */
    public void setSdpMid(String mid, Integer mLineIndex) {
        this.sdpMid = mid;
        this.sdpMLineIndex = mLineIndex;
    }

    /** Where connectivity events of the agent (states, selected pair, role) go: the ICE transport. */
    public void setConnectivityListener(Consumer<IceEvent> listener) {
        this.connectivityEvents = listener;
    }

    private void onCandidateGathered(IceCandidate candidate) {
        // Hiding changes only what is signalled: the agent keeps pairing and sending from the real address.
        IceCandidate signalled = context.engine().settings().hideHostAddresses()
                ? MdnsResolution.of(context.engine()).hide(candidate) : candidate;
        // Through its SDP form, which the public constructor takes; a candidate of our own always parses.
        RTCIceCandidate gathered = new RTCIceCandidate(signalled.toSdpValue(), sdpMid, sdpMLineIndex,
                localParameters.usernameFragment());
        localCandidates.add(gathered);
        candidateListeners.emit(gathered);
        connectionCandidateListener.accept(gathered);
    }

    private void onGatheringComplete() {
        setState(RTCIceGatheringState.COMPLETE);
        candidateListeners.emit(null);
        connectionCandidateListener.accept(null);
        // Completes after the end-of-candidates events queued above, so the candidate list is final by then.
        CompletableFuture<Void> done = complete;
        context.callbacks().execute(() -> done.complete(null));
    }

    /** The peer connection's icecandidate event, fed on the loop so that it keeps its place in the order. */
    public void setConnectionCandidateListener(Consumer<RTCIceCandidate> listener) {
        this.connectionCandidateListener = listener;
    }

    /**
     * ICE restart (RFC 8445 §9): new local credentials, and candidates gathered anew on the same sockets; the
     * selected pair carries traffic until checks with the new credentials select one.
     */
    public void restart(IceParameters newLocal) {
        localParameters = newLocal;
        localCandidates.clear();
        for (DatagramEndpoint socket : sockets.values()) {
            if (socket instanceof SharedPortEndpoint shared) {
                // On a failure (the new ufrag is another connection's) checks still come by the peers' addresses.
                shared.addUfrag(newLocal.usernameFragment());
            } else if (socket instanceof SharedTcpEndpoint shared) {
                shared.addUfrag(newLocal.usernameFragment()); // streams already open stay routed
            }
        }
        long now = context.pump().now();
        agent.restart(now, newLocal);
        complete = new CompletableFuture<>();
        setState(RTCIceGatheringState.GATHERING);
        agent.gather(now);
        context.pump().run();
    }

    /** Completes when gathering is complete. */
    public CompletableFuture<Void> completion() {
        return complete;
    }

    public boolean hasStarted() {
        return gatherStarted;
    }

    private void setState(RTCIceGatheringState next) {
        if (state != next) {
            state = next;
            stateListeners.emit(next);
        }
    }

    /** Releases every socket; on the loop. */
    public void close() {
        closed = true;
        relays.close(context.pump().now());
        for (DatagramEndpoint socket : sockets.values()) {
            socket.close();
        }
        sockets.clear();
        complete.complete(null);
    }
}
