package io.jrtc.pc;

import io.jrtc.ice.IceCandidate;
import io.jrtc.ice.IceCandidatePair;
import io.jrtc.ice.IceConnectionState;
import io.jrtc.ice.IceEvent;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.net.DatagramReceiver;
import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.loop.Listeners;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Connectivity checks and the selected path (the reference's RTCIceTransport), over the sockets and agent of its
 * {@link RTCIceGatherer}. Packets of the layers above go out over the selected candidate pair.
 */
public final class RTCIceTransport {
    private static final System.Logger LOG = System.getLogger(RTCIceTransport.class.getName());
    private final RTCIceGatherer gatherer;
    private final ConnectionContext context;
    private final List<RTCIceCandidate> remoteCandidates = new CopyOnWriteArrayList<>();
    private final Listeners<RTCIceTransportState> stateListeners;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final List<Consumer<RTCIceTransportState>> internalStateListeners = new CopyOnWriteArrayList<>();
    private volatile RTCIceTransportState state = RTCIceTransportState.NEW;
    private volatile RTCIceRole role = RTCIceRole.CONTROLLING;
    private volatile IceCandidatePair selectedPair;
    private volatile long bytesSent;
    private volatile long bytesReceived;
    private volatile long packetsSent;
    private volatile long packetsReceived;
    private boolean started;
    // On the loop: .local candidates being resolved, and an end-of-candidates held back until they are done.
    private int pendingResolutions;
    private boolean endOfCandidatesHeld;
    private boolean stopped;

    public RTCIceTransport(RTCIceGatherer gatherer) {
        this.gatherer = gatherer;
        this.context = gatherer.context();
        this.stateListeners = context.listeners();
        gatherer.setConnectivityListener(this::onIceEvent);
    }

    public RTCIceGatherer getIceGatherer() {
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

    /** Sets the role before {@link #start}; a role conflict may still change it (RFC 8445 §7.3.1.1). */
    public void setRole(RTCIceRole role) {
        this.role = role;
        context.onLoop(() -> {
            gatherer.agent().setRole(role == RTCIceRole.CONTROLLING ? IceRole.CONTROLLING : IceRole.CONTROLLED);
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
        if (candidate != null) {
            remoteCandidates.add(candidate);
        }
        return context.onLoop(() -> {
            long now = context.pump().now();
            if (candidate == null) {
                endOfRemoteCandidates(now);
            } else if (candidate.ice().isMdns()) {
                resolveThenAdd(candidate.ice());
            } else {
                gatherer.agent().addRemoteCandidate(now, candidate.ice());
            }
            context.pump().run();
            return null;
        });
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
    void updateRemoteParameters(RTCIceParameters remote) {
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

    void stopOnLoop() {
        stopped = true;
        gatherer.agent().close();
        gatherer.close();
        setState(RTCIceTransportState.CLOSED);
    }

    /** Sends one datagram over the selected pair; on the loop. Dropped when no pair is selected yet. */
    void send(byte[] data, int offset, int length) {
        IceCandidatePair pair = selectedPair;
        if (pair == null) {
            return;
        }
        gatherer.send(pair.localSocketId(), pair.remoteAddress(), data, offset, length);
        bytesSent += length;
        packetsSent++;
    }

    void setDatagramReceiver(DatagramReceiver receiver, Runnable afterBatch) {
        gatherer.setNonStunReceiver((socket, sender, data, length) -> {
            bytesReceived += length;
            packetsReceived++;
            receiver.onDatagram(socket, sender, data, length);
        }, afterBatch);
    }

    void addInternalStateListener(Consumer<RTCIceTransportState> listener) {
        internalStateListeners.add(listener);
    }

    IceCandidatePair selectedPair() {
        return selectedPair;
    }

    long bytesSent() {
        return bytesSent;
    }

    long bytesReceived() {
        return bytesReceived;
    }

    long packetsSent() {
        return packetsSent;
    }

    long packetsReceived() {
        return packetsReceived;
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
