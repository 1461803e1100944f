package io.jrtc.pc;

import io.jrtc.pc.internal.transport.IceTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Connectivity checks and the selected path (the reference's RTCIceTransport), over the sockets and agent of its
 * {@link RTCIceGatherer}. Packets of the layers above go out over the selected candidate pair.
 */
public final class RTCIceTransport {
    private final RTCIceGatherer gatherer;
    private final IceTransport core;

    public RTCIceTransport(RTCIceGatherer gatherer) {
        this(gatherer, new IceTransport(gatherer.core()));
    }

    /** The API side of a connection's ICE transport. */
    RTCIceTransport(RTCIceGatherer gatherer, IceTransport core) {
        this.gatherer = gatherer;
        this.core = core;
    }

    public RTCIceGatherer getIceGatherer() {
        return gatherer;
    }

    public RTCIceRole getRole() {
        return core.getRole();
    }

    public RTCIceTransportState getState() {
        return core.getState();
    }

    public List<RTCIceCandidate> getRemoteCandidates() {
        return core.getRemoteCandidates();
    }

    public Subscription onStateChange(Consumer<RTCIceTransportState> listener) {
        return core.onStateChange(listener);
    }

    /** Sets the role before {@link #start}; a role conflict may still change it (RFC 8445 §7.3.1.1). */
    public void setRole(RTCIceRole role) {
        core.setRole(role);
    }

    /**
     * Starts connectivity checks against the remote side; completes once a candidate pair is selected, fails when
     * ICE fails.
     */
    public CompletableFuture<Void> start(RTCIceParameters remoteParameters) {
        return core.start(remoteParameters);
    }

    /**
     * Adds a remote candidate; {@code null} signals the end of remote candidates. A {@code .local} address is
     * resolved by mDNS first, without blocking.
     */
    public CompletableFuture<Void> addRemoteCandidate(RTCIceCandidate candidate) {
        return core.addRemoteCandidate(candidate);
    }

    public CompletableFuture<Void> stop() {
        return core.stop();
    }

    IceTransport core() {
        return core;
    }
}
