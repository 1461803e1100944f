package io.jrtc.pc;

import io.jrtc.ice.IceCandidatePair;
import io.jrtc.ice.IceConnectionState;
import io.jrtc.ice.IceEvent;
import io.jrtc.ice.IceParameters;
import io.jrtc.ice.IceRole;
import io.jrtc.net.DatagramReceiver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Connectivity checks and the selected path (the reference's RTCIceTransport), over the sockets and agent of its
 * {@link RTCIceGatherer}. Packets of the layers above go out over the selected candidate pair.
 */
public final class RTCIceTransport {
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
            long now = Pump.now();
            if (candidate == null) {
                gatherer.agent().endOfRemoteCandidates(now);
            } else if (!candidate.getIp().endsWith(".local")) {
                // mDNS names are not resolved: the peer's checks reach us anyway and make it peer-reflexive.
                gatherer.agent().addRemoteCandidate(now, candidate.ice());
            }
            context.pump().run();
            return null;
        });
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
