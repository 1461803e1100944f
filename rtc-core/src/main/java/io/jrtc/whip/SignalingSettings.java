package io.jrtc.whip;

import io.jrtc.pc.RTCConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** What WHIP and WHEP clients share: the endpoint, its token, the HTTP client, and how the offer goes out. */
public abstract class SignalingSettings<B extends SignalingSettings<B>> {
    final URI endpoint;
    String bearerToken;
    HttpClient http;
    Duration timeout = Duration.ofSeconds(10);
    boolean trickle = true;
    boolean iceServersFromOptions;
    RTCConfiguration configuration = new RTCConfiguration();
    int retries;
    Duration maxRetryDelay = Duration.ofSeconds(10);

    SignalingSettings(URI endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** Sent as {@code Authorization: Bearer} on every request (RFC 9725 section 4.5). */
    public B bearerToken(String token) {
        this.bearerToken = token;
        return self();
    }

    /** The JDK client to send with; one that follows no redirects by itself is made by default. */
    public B httpClient(HttpClient client) {
        this.http = client;
        return self();
    }

    /** How long each request may take (10 s by default). */
    public B timeout(Duration requestTimeout) {
        this.timeout = Objects.requireNonNull(requestTimeout);
        return self();
    }

    /**
     * Whether the offer goes out at once and later candidates follow by PATCH (the default), or only once
     * gathering is complete, carrying every candidate.
     */
    public B trickle(boolean enabled) {
        this.trickle = enabled;
        return self();
    }

    /**
     * Asks the endpoint for its ICE servers with OPTIONS before the connection is made (as some servers, MediaMTX
     * among them, answer it) and adds them to the configuration. Off by default: RFC 9725 announces them only in
     * the 201, when the connection already exists.
     */
    public B iceServersFromOptions(boolean enabled) {
        this.iceServersFromOptions = enabled;
        return self();
    }

    /**
     * Tries the POST again, up to {@code attempts} more times, when the endpoint answers 503 (after its
     * Retry-After: a cluster with no room now, a server at its connection limit) or cannot be reached (after one
     * second), each wait at most {@code maxDelay}. Each try starts at the entry endpoint, so a cluster can redirect
     * it anew. Off by default: a refusal is reported at once.
     */
    public B retries(int attempts, Duration maxDelay) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative, got " + attempts);
        }
        this.retries = attempts;
        this.maxRetryDelay = Objects.requireNonNull(maxDelay);
        return self();
    }

    /** The configuration connections made by a factory start from. */
    public B configuration(RTCConfiguration base) {
        this.configuration = Objects.requireNonNull(base);
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
