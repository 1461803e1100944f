package io.jrtc.pc;

import io.jrtc.testkit.LinkConditions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Two of our peer connections on one {@link VirtualTimeEngine}, and the signalling between them: whole connections
 * over a simulated link in virtual time (the DTLS handshake excepted, as that class says).
 */
final class PeerPairOnVirtualTime implements AutoCloseable {
    final VirtualTimeEngine kit;
    final RTCPeerConnection offerer;
    final RTCPeerConnection answerer;

    PeerPairOnVirtualTime(long seed) {
        this(seed, settings -> settings);
    }

    /** {@code settings} adjusts the engine's settings (ICE or SCTP timers, say). */
    PeerPairOnVirtualTime(long seed, UnaryOperator<RtcEngineSettings> settings) {
        kit = new VirtualTimeEngine(seed, settings);
        offerer = kit.engine.newPeerConnection(new RTCConfiguration());
        answerer = kit.engine.newPeerConnection(new RTCConfiguration());
    }

    /** Full offer/answer with every candidate in the descriptions (no trickle). */
    void negotiate() {
        await(offerer.setLocalDescription());
        await(offerer.gatheringComplete());
        await(answerer.setRemoteDescription(offerer.getLocalDescription()));
        await(answerer.setLocalDescription());
        await(answerer.gatheringComplete());
        await(offerer.setRemoteDescription(answerer.getLocalDescription()));
    }

    /** Negotiates and runs until both connections are connected, over a perfect link (see the class comment). */
    Duration connect() {
        negotiate();
        return runUntil(() -> offerer.getConnectionState() == RTCPeerConnectionState.CONNECTED
                && answerer.getConnectionState() == RTCPeerConnectionState.CONNECTED, Duration.ofSeconds(30));
    }

    void setConditions(LinkConditions conditions) {
        kit.setConditions(conditions);
    }

    <T> T await(CompletableFuture<T> future) {
        return kit.await(future);
    }

    Duration runUntil(BooleanSupplier condition, Duration virtualTimeout) {
        return kit.runUntil(condition, virtualTimeout);
    }

    Duration virtualTime() {
        return kit.virtualTime();
    }

    @Override
    public void close() {
        kit.close();
    }
}
