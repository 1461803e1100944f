package io.jrtc.spring.autoconfigure.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.diagnostics.InvalidIceServerException;

/**
 * Short-lived TURN credentials derived from a secret shared with the TURN server (draft-uberti-behave-turn-rest,
 * coturn's {@code use-auth-secret}): the user name is the expiry as Unix seconds, then {@code :} and an optional
 * user id; the password is the Base64 HMAC-SHA1 of the user name under the secret. The TURN server checks both
 * without any per-user state, and refuses the credentials once expired.
 */
public final class TurnCredentials {
    private final List<String> urls;
    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @throws InvalidIceServerException when a URL is malformed or not a TURN URL
     */
    public TurnCredentials(List<String> urls, String sharedSecret, Duration ttl, Clock clock) {
        this.urls = List.copyOf(urls);
        this.secret = Objects.requireNonNull(sharedSecret, "sharedSecret").getBytes(StandardCharsets.UTF_8);
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("rtc.turn.credential-ttl must be positive: " + ttl);
        }
        // Validates the URLs once, naming a bad one, with a placeholder credential.
        IceServers.create("rtc.turn", this.urls, "0", "0");
        for (int i = 0; i < this.urls.size(); i++) {
            if (!this.urls.get(i).regionMatches(true, 0, "turn", 0, 4)) {
                throw new InvalidIceServerException("rtc.turn.urls[" + i + "]", this.urls.get(i),
                        "credentials from the shared secret are for turn: or turns: URLs");
            }
        }
    }

    /** A TURN server entry with credentials valid from now for the configured time, for {@code user} (may be empty). */
    public RTCIceServer issue(String user) {
        long expiry = clock.instant().plus(ttl).getEpochSecond();
        String username = user == null || user.isBlank() ? Long.toString(expiry) : expiry + ":" + user;
        return new RTCIceServer(urls, username, password(username), "password");
    }

    /** The password for a user name: Base64(HMAC-SHA1(secret, username)). */
    String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    public Duration ttl() {
        return ttl;
    }
}
