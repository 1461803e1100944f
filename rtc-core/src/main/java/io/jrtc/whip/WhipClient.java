package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import io.jrtc.pc.RTCPeerConnection;
import java.net.URI;
import java.util.function.Function;

/**
 * Publishes tracks to a WHIP endpoint (RFC 9725): the peer connection's offer is POSTed, the answer applied, and
 * the session that comes back trickles candidates, restarts ICE and ends with DELETE.
 *
 * <pre>{@code
 * WhipClient whip = WhipClient.builder(URI.create("https://media.example.org/whip/cam")).bearerToken(token).build();
 * SignalingSession session = whip.publish(config -> {
 *     RTCPeerConnection pc = engine.newPeerConnection(config);
 *     pc.addTransceiver(camera, RTCRtpTransceiverDirection.SENDONLY);
 *     return pc;
 * }).join();
 * }</pre>
 */
public final class WhipClient {
    private final SignalingClient client;

    private WhipClient(SignalingClient client) {
        this.client = client;
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /**
     * Publishes through the connection {@code factory} makes from the client's configuration (plus the ICE servers
     * the endpoint announces to OPTIONS, when asked for); the factory adds the tracks to send.
     */
    public java.util.concurrent.CompletableFuture<SignalingSession> publish(
            Function<RTCConfiguration, RTCPeerConnection> factory) {
        return client.start(factory);
    }

    /** Publishes the tracks {@code pc} already sends. */
    public java.util.concurrent.CompletableFuture<SignalingSession> publish(RTCPeerConnection pc) {
        return client.signal(pc);
    }

    /** WHIP's settings; see {@link SignalingSettings} for each. */
    public static final class Builder extends SignalingSettings<Builder> {
        private Builder(URI endpoint) {
            super(endpoint);
        }

        public WhipClient build() {
            return new WhipClient(new SignalingClient(this));
        }
    }
}
