package io.jrtc.pc.internal.transport;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidatePair;
import io.jrtc.ice.IceCandidatePairState;
import io.jrtc.ice.IceConnectionState;
import io.jrtc.ice.IceEvent;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceAgent;
import io.jrtc.ice.IceRole;
import io.jrtc.ice.IceCandidateParseException;
import io.jrtc.pc.OperationError;
import io.jrtc.pc.RTCIceCandidate;
import io.jrtc.pc.RTCIceParameters;
import io.jrtc.pc.RTCIceRole;
import io.jrtc.pc.RTCIceTransportState;
import io.jrtc.pc.Subscription;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Connectivity checks and the selected path (behind the reference's RTCIceTransport), over the sockets and agent
 * of its {@link IceGatherer}. Packets of the layers above go out over the selected candidate pair; what arrives
 * reaches them through the gatherer's {@link PacketDemultiplexer}.
 */
public final class IceTransport {
    private static final System.Logger LOG = System.getLogger(IceTransport.class.getName());
    private final IceGatherer gatherer;
    private final ConnectionContext context;
    private final List<RTCIceCandidate> remoteCandidates = new CopyOnWriteArrayList<>();
    private final Listeners<RTCIceTransportState> stateListeners;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<Consumer<RTCIceTransportState>> internalStateListeners = new CopyOnWriteArrayList<>();
    private volatile RTCIceTransportState state = RTCIceTransportState.NEW;
    private volatile RTCIceRole role = RTCIceRole.CONTROLLING;
    private volatile IceCandidatePair selectedPair;
    private volatile long bytesSent;
    private volatile long packetsSent;
    private boolean started;
    // On the loop: .local candidates being resolved, and an end-of-candidates held back until they are done.
    private int pendingResolutions;
    private boolean endOfCandidatesHeld;
    private boolean stopped;

    public IceTransport(IceGatherer gatherer) {
        this.gatherer = gatherer;
        this.context = gatherer.context();
        this.stateListeners = context.listeners();
        gatherer.setConnectivityListener(this::onIceEvent);
    }

    public IceGatherer gatherer() {
        return gatherer;
    }

    public RTCIceRole getRole() {
        return role;
    }

    public RTCIceTransportState getState() {
        return state;
    }

    public List<RTCIceCandidate> getRemoteCandidates() {
        return List.copyOf(remoteCandidates);
    }

    public Subscription onStateChange(Consumer<RTCIceTransportState> listener) {
        return stateListeners.add(listener);
    }

    /**
     * Sets the role before {@link #start}; a role conflict may still change it (RFC 8445 §7.3.1.1), and an ICE-lite
     * agent, or one facing a lite peer, keeps the role lite dictates (§6.1.1): the agent's own role is reported.
     */
    public void setRole(RTCIceRole role) {
        this.role = role;
        context.onLoop(() -> {
            IceAgent agent = gatherer.agent();
            agent.setRole(role == RTCIceRole.CONTROLLING ? IceRole.CONTROLLING : IceRole.CONTROLLED);
            this.role = agent.role() == IceRole.CONTROLLING ? RTCIceRole.CONTROLLING : RTCIceRole.CONTROLLED;
            return null;
        });
    }

    /**
     * Starts connectivity checks against the remote side; completes once a candidate pair is selected, fails when
     * ICE fails.
     */
    public CompletableFuture<Void> start(RTCIceParameters remoteParameters) {
        context.onLoop(() -> {
            if (started) {
                return null;
            }
            started = true;
            gatherer.agent().setRemoteParameters(new IceParameters(remoteParameters.usernameFragment(),
                    remoteParameters.password(), remoteParameters.iceLite()));
            context.pump().run();
            return null;
        });
        return connected;
    }

    /** Adds a remote candidate; {@code null} signals the end of remote candidates. */
    public CompletableFuture<Void> addRemoteCandidate(RTCIceCandidate candidate) {
        return context.onLoop(() -> {
            long now = context.pump().now();
            if (candidate != null) {
                if (remoteCandidates.size() >= context.engine().settings().ice().maxRemoteCandidates()) {
                    return null;  // a peer cannot make us keep, resolve or check any number of addresses
                }
                remoteCandidates.add(candidate);
            }
            if (candidate == null) {
                endOfRemoteCandidates(now);
            } else if (parsed(candidate).isMdns()) {
                resolveThenAdd(parsed(candidate));
            } else {
                gatherer.agent().addRemoteCandidate(now, parsed(candidate));
            }
            context.pump().run();
            return null;
        });
    }

    /** The candidate as the ICE agent takes it; an RTCIceCandidate was parsed when made, so this cannot fail. */
    private static IceCandidate parsed(RTCIceCandidate candidate) {
        try {
            return IceCandidate.parse(candidate.getCandidate());
        } catch (IceCandidateParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The agent fails once every pair failed after end-of-candidates (RFC 8838 §8.2), so while a {@code .local}
     * name is being resolved its candidate still counts as coming: the end is passed on when the last is done.
     */
    private void endOfRemoteCandidates(long now) {
        if (pendingResolutions > 0) {
            endOfCandidatesHeld = true;
        } else {
            gatherer.agent().endOfRemoteCandidates(now);
        }
    }

    /**
     * Resolves the mDNS name of a remote candidate (draft-ietf-mmusic-mdns-ice-candidates §3.2.2) and adds the
     * candidate with the address instead; a name that does not resolve drops its candidate. Never blocks.
     */
    private void resolveThenAdd(IceCandidate candidate) {
        pendingResolutions++;
        MdnsResolution.of(context.engine()).resolve(candidate.address()).whenComplete((address, failure) -> {
            try {
                context.pump().loop().execute(() -> onResolved(candidate, address, failure));
            } catch (RejectedExecutionException loopGone) {
                // the engine closed; the connection went with it
            }
        });
    }

    private void onResolved(IceCandidate candidate, InetAddress address, Throwable failure) {
        pendingResolutions--;
        if (stopped) {
            return;
        }
        long now = context.pump().now();
        if (address != null) {
            gatherer.agent().addRemoteCandidate(now, new IceCandidate(candidate.foundation(), candidate.component(),
                    candidate.protocol(), candidate.priority(), address.getHostAddress(), candidate.port(),
                    candidate.type(), candidate.relatedAddress(), candidate.relatedPort(), candidate.tcpType()));
        } else {
            LOG.log(Level.DEBUG, () -> "dropping remote candidate " + candidate + ": " + failure);
        }
        if (pendingResolutions == 0 && endOfCandidatesHeld) {
            endOfCandidatesHeld = false;
            gatherer.agent().endOfRemoteCandidates(now);
        }
        context.pump().run();
    }

    /** New remote credentials after the first ones mean the remote restarted ICE (RFC 8445 §9); on the loop. */
    public void updateRemoteParameters(RTCIceParameters remote) {
        if (started) {
            gatherer.agent().setRemoteParameters(new IceParameters(remote.usernameFragment(), remote.password(),
                    remote.iceLite()));
            context.pump().run();
        }
    }

    public CompletableFuture<Void> stop() {
        return context.onLoop(() -> {
            stopOnLoop();
            return null;
        });
    }

    public void stopOnLoop() {
        stopped = true;
        gatherer.agent().close();
        gatherer.close();
        setState(RTCIceTransportState.CLOSED);
    }

    /** Sends one datagram over the selected pair; on the loop. Dropped when no pair is selected yet. */
    public void send(byte[] data, int offset, int length) {
        IceCandidatePair pair = selectedPair;
        if (pair == null) {
            return;
        }
        gatherer.send(pair.localSocketId(), pair.remoteAddress(), data, offset, length);
        bytesSent += length;
        packetsSent++;
    }

    /** Where received datagrams are sorted out, for the layers above to register with. */
    public PacketDemultiplexer demultiplexer() {
        return gatherer.demultiplexer();
    }

    /** Runs on the loop at each state change, before the public listeners hear of it. */
    public void addInternalStateListener(Consumer<RTCIceTransportState> listener) {
        internalStateListeners.add(listener);
    }

    public IceCandidatePair selectedPair() {
        return selectedPair;
    }

    /**
     * Whether ICE validated the path to {@code remote} from local socket {@code socketId}: it is the selected pair's,
     * or that of a pair that succeeded a check (RFC 8445 §7.2.5.3.2). What the layers above accept datagrams from;
     * on the loop.
     */
    public boolean isValidatedPath(int socketId, InetSocketAddress remote) {
        IceCandidatePair selected = selectedPair;
        if (selected != null && selected.localSocketId() == socketId && selected.remoteAddress().equals(remote)) {
            return true;
        }
        for (IceCandidatePair pair : gatherer.agent().pairs()) {
            if (pair.state() == IceCandidatePairState.SUCCEEDED && pair.localSocketId() == socketId
                    && pair.remoteAddress().equals(remote)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a pair of the check list, in any state, leads to {@code remote} from {@code socketId}: where a peer may
     * send from before our own check of that path succeeded (a peer-reflexive remote included, as its check made the
     * pair); on the loop.
     */
    public boolean isCandidatePath(int socketId, InetSocketAddress remote) {
        for (IceCandidatePair pair : gatherer.agent().pairs()) {
            if (pair.localSocketId() == socketId && pair.remoteAddress().equals(remote)) {
                return true;
            }
        }
        return isValidatedPath(socketId, remote);
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long bytesReceived() {
        return gatherer.demultiplexer().bytesReceived();
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsReceived() {
        return gatherer.demultiplexer().packetsReceived();
    }

    private void onIceEvent(IceEvent event) {
        if (event instanceof IceEvent.ConnectionStateChanged changed) {
            setState(map(changed.s()));
        } else if (event instanceof IceEvent.SelectedPairChanged pair) {
            selectedPair = pair.pair();
        } else if (event instanceof IceEvent.RoleChanged changed) {
            role = changed.role() == IceRole.CONTROLLING ? RTCIceRole.CONTROLLING : RTCIceRole.CONTROLLED;
        }
    }

    private void setState(RTCIceTransportState next) {
        if (state == next) {
            return;
        }
        state = next;
        for (Consumer<RTCIceTransportState> listener : internalStateListeners) {
            listener.accept(next);
        }
        stateListeners.emit(next);
        if (next == RTCIceTransportState.CONNECTED || next == RTCIceTransportState.COMPLETED) {
            connected.complete(null);
        } else if (next == RTCIceTransportState.FAILED || next == RTCIceTransportState.CLOSED) {
            connected.completeExceptionally(new OperationError("ICE " + next));
        }
    }

    private static RTCIceTransportState map(IceConnectionState state) {
        return RTCIceTransportState.valueOf(state.name());
    }
}
