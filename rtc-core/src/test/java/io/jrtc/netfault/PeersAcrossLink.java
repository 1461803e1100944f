package io.jrtc.netfault;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RTCStatsReport;
import io.jrtc.pc.RtcEngine;
import io.jrtc.pc.RtcEngineSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * Two of our peer connections on one engine bound to the near end of an {@link ImpairedLink}, each told that the
 * other lives at the relay, so everything between them (ICE, DTLS, SCTP, SRTP) crosses the impaired path. They
 * connect with the link's loss suspended (its delay applies), and the loss starts once both are connected: the
 * tests measure the transfer. Through 10 % loss, ICE completed within a second but DTLS was still connecting after
 * 20 s (10 of 86 datagrams dropped): each lost flight doubles DTLS's retransmission timer from 1 s.
 */
final class PeersAcrossLink implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final RtcEngine engine;
    final RTCPeerConnection offerer;
    final RTCPeerConnection answerer;
    private final ImpairedLink link;

    PeersAcrossLink(ImpairedLink link, UnaryOperator<RtcEngineSettings> settings) {
        this.link = link;
        this.engine = RtcEngine.create(settings.apply(RtcEngineSettings.defaults()
                .withBindAddresses(List.of(link.peerAddress()))));
        this.offerer = engine.newPeerConnection(new RTCConfiguration());
        this.answerer = engine.newPeerConnection(new RTCConfiguration());
        link.suspendLoss();
    }

    /** Full offer/answer with every candidate in the descriptions, rewritten to point at the relay. */
    void negotiate() {
        negotiate(() -> { });
    }

    /** As {@link #negotiate()}, running {@code beforeAnswer} once the answerer has the offer (to add its tracks). */
    void negotiate(Runnable beforeAnswer) {
        await(offerer.setLocalDescription());
        await(offerer.gatheringComplete());
        String offer = link.offerForAnswerer(offerer.getLocalDescription().sdp());
        await(answerer.setRemoteDescription(new RTCSessionDescription(offer, RTCSdpType.OFFER)));
        beforeAnswer.run();
        await(answerer.setLocalDescription());
        await(answerer.gatheringComplete());
        String answer = link.answerForOfferer(answerer.getLocalDescription().sdp());
        await(offerer.setRemoteDescription(new RTCSessionDescription(answer, RTCSdpType.ANSWER)));
    }

    /** Waits until both peers are connected (ICE and DTLS over the delaying path), then starts the link's loss. */
    void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (offerer.getConnectionState() != RTCPeerConnectionState.CONNECTED
                || answerer.getConnectionState() != RTCPeerConnectionState.CONNECTED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not connected within " + TIMEOUT + ": offerer " + state(offerer)
                        + "; answerer " + state(answerer) + "; link: " + linkState());
            }
            Thread.sleep(20);
        }
        link.resumeLoss();
    }

    /** Where a peer stands, for a failure message: each layer's state and its ICE candidate pairs. */
    private static String state(RTCPeerConnection peer) {
        String layers;
        try {
            RTCStatsReport stats = peer.getStats().get(5, TimeUnit.SECONDS);
            layers = "transport " + stats.ofType("transport") + ", pairs " + stats.ofType("candidate-pair");
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            layers = "no stats: " + e;
        }
        return peer.getConnectionState() + " (ice " + peer.getIceConnectionState() + "; " + layers + ")";
    }

    private String linkState() {
        try {
            return link.counters().toString();
        } catch (java.io.IOException | RuntimeException e) {
            return "(no counters: " + e + ")";
        }
    }

    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
