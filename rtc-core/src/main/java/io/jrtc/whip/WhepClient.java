package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plays a stream from a WHEP endpoint (draft-ietf-wish-whep: the client offers, like WHIP): the offer of a
 * receive-only connection is POSTed and the endpoint's tracks arrive through the connection's {@code onTrack}.
 */
public final class WhepClient {
    private final SignalingClient client;
    private final Duration reconnectDelay;
    private final Duration maxReconnectDelay;
    private final Duration disconnectedGrace;

    private WhepClient(SignalingClient client, Builder settings) {
        this.client = client;
        this.reconnectDelay = settings.reconnectDelay;
        this.maxReconnectDelay = settings.maxReconnectDelay;
        this.disconnectedGrace = settings.disconnectedGrace;
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Plays through the connection {@code factory} makes; when it adds no transceiver, one receive-only audio and
     * one receive-only video transceiver are added, as a player wants.
     */
    public CompletableFuture<SignalingSession> play(Function<RTCConfiguration, RTCPeerConnection> factory) {
        return client.start(config -> receiving(factory.apply(config)));
    }

    private static RTCPeerConnection receiving(RTCPeerConnection pc) {
        if (pc.getTransceivers().isEmpty()) {
            pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
            pc.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
        }
        return pc;
    }

    /** Plays into {@code pc} as its transceivers are set up. */
    public CompletableFuture<SignalingSession> play(RTCPeerConnection pc) {
        return client.signal(pc);
    }

    /**
     * Plays and keeps playing: each connection {@code factory} makes (as for {@link #play(Function)}) is handed to
     * {@code onSession} once signalled; when it fails, is closed by the server, or stays disconnected past the
     * builder's {@link Builder#reconnect reconnect} grace, the play starts again at this client's endpoint, so a
     * cluster can send it to a node that is alive. Runs until the playback is closed or a 4xx refusal ends it.
     */
    public WhepPlayback keepPlaying(Function<RTCConfiguration, RTCPeerConnection> factory,
            Consumer<SignalingSession> onSession) {
        WhepPlayback playback = new WhepPlayback(client, config -> receiving(factory.apply(config)), onSession,
                reconnectDelay, maxReconnectDelay, disconnectedGrace);
        playback.start();
        return playback;
    }

    /** WHEP's settings; see {@link SignalingSettings} for each. */
    public static final class Builder extends SignalingSettings<Builder> {
        private Duration reconnectDelay = Duration.ofMillis(500);
        private Duration maxReconnectDelay = Duration.ofSeconds(10);
        private Duration disconnectedGrace = Duration.ofSeconds(5);

        private Builder(URI endpoint) {
            super(endpoint);
        }

        /**
         * How {@link #keepPlaying} reconnects: the first try {@code delay} after the connection was given up, each
         * further one twice as long up to {@code maxDelay}; a connection disconnected for {@code disconnectedGrace}
         * is given up (one that failed or was closed by the server at once). Defaults: 500 ms, 10 s, 5 s.
         */
        public Builder reconnect(Duration delay, Duration maxDelay, Duration disconnectedGrace) {
            this.reconnectDelay = Objects.requireNonNull(delay);
            this.maxReconnectDelay = Objects.requireNonNull(maxDelay);
            this.disconnectedGrace = Objects.requireNonNull(disconnectedGrace);
            return this;
        }

        public WhepClient build() {
            return new WhepClient(new SignalingClient(this), this);
        }
    }
}
