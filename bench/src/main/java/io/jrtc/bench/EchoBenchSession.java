package io.jrtc.bench;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCDataChannel;
import io.jrtc.pc.RTCIceConnectionState;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCPeerConnectionState;
import io.jrtc.pc.RTCSdpType;
import io.jrtc.pc.RTCSessionDescription;
import io.jrtc.pc.RtcEngine;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One client of the echo service: our peer connection with one data channel, connected the WHIP way (the offer
 * after gathering completed, POSTed to /echo; the 201's answer carries every server candidate, so no trickle).
 */
final class EchoBenchSession {
    private static final long STEP_TIMEOUT_S = 15;

    private final RTCPeerConnection connection;
    private final RTCDataChannel channel;
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private URI location;
    private long gatherNanos;
    private long postNanos;
    private long openNanos;
    private long answeredAt;
    private volatile long iceConnectedAt;
    private volatile long connectedAt;
    /** Echoes of the current measuring window; written only by this connection's (serial) callbacks. */
    volatile int windowEchoes;

    private EchoBenchSession(RtcEngine engine, RTCConfiguration configuration,
            BiConsumer<EchoBenchSession, byte[]> onEcho) {
        connection = engine.newPeerConnection(configuration);
        channel = connection.createDataChannel("echo");
        channel.onOpen(() -> open.complete(null));
        connection.onIceConnectionStateChange(state -> {
            if (state == RTCIceConnectionState.CONNECTED && iceConnectedAt == 0) {
                iceConnectedAt = System.nanoTime();
            }
        });
        connection.onConnectionStateChange(state -> {
            if (state == RTCPeerConnectionState.CONNECTED && connectedAt == 0) {
                connectedAt = System.nanoTime();
            }
        });
        channel.onMessage(message -> onEcho.accept(this, message.data()));
    }

    /** Connects a new session through the service; on any failure the local connection is closed and it throws. */
    static EchoBenchSession connect(RtcEngine engine, RTCConfiguration configuration, EchoBenchService service,
            BiConsumer<EchoBenchSession, byte[]> onEcho) throws Exception {
        EchoBenchSession session = new EchoBenchSession(engine, configuration, onEcho);
        try {
            session.negotiate(service);
            return session;
        } catch (Exception e) {
            session.connection.close();
            throw e;
        }
    }

    private void negotiate(EchoBenchService service) throws Exception {
        long start = System.nanoTime();
        connection.setLocalDescription().get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        connection.gatheringComplete().get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        String offer = connection.getLocalDescription().sdp();
        long posted = System.nanoTime();
        gatherNanos = posted - start;
        EchoBenchService.Answer answer = service.postOffer(offer);
        long answered = System.nanoTime();
        answeredAt = answered;
        postNanos = answered - posted;
        location = answer.location();
        connection.setRemoteDescription(new RTCSessionDescription(answer.sdp(), RTCSdpType.ANSWER))
                .get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        open.get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        openNanos = System.nanoTime() - answered;
    }

    /** Nanoseconds from creating the offer until gathering completed. */
    long gatherNanos() {
        return gatherNanos;
    }

    /** Nanoseconds from sending POST /echo until its 201 arrived. */
    long postNanos() {
        return postNanos;
    }

    /** Nanoseconds from the 201 until our data channel opened (ICE checks, DTLS and SCTP handshakes, DCEP). */
    long openNanos() {
        return openNanos;
    }

    /** Nanoseconds from the 201 until ICE connected (as our listener saw it). */
    long iceNanos() {
        return iceConnectedAt - answeredAt;
    }

    /** Nanoseconds from the 201 until the connection state was connected: ICE and DTLS done. */
    long connectedNanos() {
        return connectedAt - answeredAt;
    }

    RTCDataChannel channel() {
        return channel;
    }

    /** Whether our side still counts the session connected (the scale bench counts those that are not). */
    boolean isConnected() {
        return connection.getConnectionState() == RTCPeerConnectionState.CONNECTED;
    }

    /** Our side's connection state, as the W3C string. */
    String connectionState() {
        return connection.getConnectionState().toString();
    }

    /** DELETEs the session on the service, then closes our side. */
    void end(EchoBenchService service) throws Exception {
        try {
            service.delete(location);
        } finally {
            connection.close().get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
        }
    }
}
