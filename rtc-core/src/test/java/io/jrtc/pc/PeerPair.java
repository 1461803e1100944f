package io.jrtc.pc;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Two of our peer connections on one engine, gathering on loopback only, and the signalling between them. */
final class PeerPair implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    final RtcEngine engine;
    final RTCPeerConnection offerer;
    final RTCPeerConnection answerer;

    PeerPair() {
        this(RTCConfiguration::new);
    }

    PeerPair(java.util.function.Supplier<RTCConfiguration> configuration) {
        this(configuration, InetAddress.getLoopbackAddress());
    }

    PeerPair(java.util.function.Supplier<RTCConfiguration> configuration, InetAddress bindAddress) {
        this(configuration, RtcEngineSettings.defaults().withBindAddresses(List.of(bindAddress)));
    }

    /** Two connections on an engine of these settings. */
    PeerPair(java.util.function.Supplier<RTCConfiguration> configuration, RtcEngineSettings settings) {
        engine = RtcEngine.create(settings);
        offerer = engine.newPeerConnection(configuration.get());
        answerer = engine.newPeerConnection(configuration.get());
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

    /** Offer/answer without candidates in the descriptions; candidates trickle through addIceCandidate. */
    void negotiateTrickle() {
        offerer.onIceCandidate(c -> answerer.addIceCandidate(c));
        answerer.onIceCandidate(c -> offerer.addIceCandidate(c));
        RTCSessionDescription offer = await(offerer.createOffer());
        await(offerer.setLocalDescription(offer));
        await(answerer.setRemoteDescription(offer));
        RTCSessionDescription answer = await(answerer.createAnswer());
        await(answerer.setLocalDescription(answer));
        await(offerer.setRemoteDescription(answer));
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
