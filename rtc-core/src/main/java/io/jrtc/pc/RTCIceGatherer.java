package io.jrtc.pc;

import io.jrtc.pc.internal.loop.ConnectionContext;
import io.jrtc.pc.internal.transport.IceGatherer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Gathers local candidates (the reference's RTCIceGatherer): binds a UDP socket per local address, from the
 * engine's port range, asks the configured STUN servers for server-reflexive addresses and allocates a relayed
 * address on each TURN server ({@code turn:} over UDP, TCP or TLS). Its sockets and ICE agent are what an
 * {@link RTCIceTransport} then runs checks with.
 *
 * <p>A gatherer made on its own (the reference's ORTC-style use, without an {@link RTCPeerConnection}) lives on an
 * engine: {@link #RTCIceGatherer(RtcEngine, List)} chooses it, the other constructors take {@link RtcEngine#shared()}.
 */
public final class RTCIceGatherer {
    private final IceGatherer core;

    public RTCIceGatherer() {
        this(List.of());
    }

    public RTCIceGatherer(List<RTCIceServer> iceServers) {
        this(RtcEngine.shared(), iceServers);
    }

    /**
     * A gatherer on {@code engine}: its loops, port range, addresses and clock; the ICE, DTLS and SCTP transports
     * built on it share them.
     */
    public RTCIceGatherer(RtcEngine engine, List<RTCIceServer> iceServers) {
        this(new IceGatherer(ConnectionContext.create(engine.core()), iceServers, RTCIceTransportPolicy.ALL));
    }

    RTCIceGatherer(IceGatherer core) {
        this.core = core;
    }

    /** The reference's default servers; this stack contacts none unless configured. */
    public static List<RTCIceServer> getDefaultIceServers() {
        return List.of();
    }

    public RTCIceGatheringState getState() {
        return core.getState();
    }

    public RTCIceParameters getLocalParameters() {
        return core.getLocalParameters();
    }

    public List<RTCIceCandidate> getLocalCandidates() {
        return core.getLocalCandidates();
    }

    public Subscription onStateChange(Consumer<RTCIceGatheringState> listener) {
        return core.onStateChange(listener);
    }

    /** Each gathered candidate, then {@code null} once gathering is complete. */
    public Subscription onLocalCandidate(Consumer<RTCIceCandidate> listener) {
        return core.onLocalCandidate(listener);
    }

    /**
     * Gathers host candidates on every configured address, server-reflexive ones from the STUN servers and relayed
     * ones from the TURN servers. Completes when gathering is complete; fails when no socket could be bound.
     */
    public CompletableFuture<Void> gather() {
        return core.gather();
    }

    IceGatherer core() {
        return core;
    }
}
