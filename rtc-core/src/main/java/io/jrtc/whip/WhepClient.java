package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import io.jrtc.pc.RTCRtpTransceiverDirection;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Plays a stream from a WHEP endpoint (draft-ietf-wish-whep: the client offers, like WHIP): the offer of a
 * receive-only connection is POSTed and the endpoint's tracks arrive through the connection's {@code onTrack}.
 */
public final class WhepClient {
    private final SignalingClient client;

    private WhepClient(SignalingClient client) {
        this.client = client;
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Plays through the connection {@code factory} makes; when it adds no transceiver, one receive-only audio and
     * one receive-only video transceiver are added, as a player wants.
     */
    public CompletableFuture<SignalingSession> play(Function<RTCConfiguration, RTCPeerConnection> factory) {
        return client.start(config -> {
            RTCPeerConnection pc = factory.apply(config);
            if (pc.getTransceivers().isEmpty()) {
                pc.addTransceiver("audio", RTCRtpTransceiverDirection.RECVONLY);
                pc.addTransceiver("video", RTCRtpTransceiverDirection.RECVONLY);
            }
            return pc;
        });
    }

    /** Plays into {@code pc} as its transceivers are set up. */
    public CompletableFuture<SignalingSession> play(RTCPeerConnection pc) {
        return client.signal(pc);
    }

    /** WHEP's settings; see {@link SignalingSettings} for each. */
    public static final class Builder extends SignalingSettings<Builder> {
        private Builder(URI endpoint) {
            super(endpoint);
        }

        public WhepClient build() {
            return new WhepClient(new SignalingClient(this));
        }
    }
}
