package io.jrtc.spring.autoconfigure.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Node-to-node credentials: a short-lived token that names the calling node, the one stream it may pull and when
 * it expires, signed with HMAC-SHA256 under the cluster's shared secret ({@code rtc.cluster.secret}). A token is
 * {@code base64url(node LF stream LF expiry-seconds) "." base64url(mac)}; its MAC is compared in constant time
 * before any field is read, and a token for another stream, an expired one, or one dated further ahead than a
 * token lives is refused.
 */
public final class ClusterTokens {
    /** Shortest secret accepted: HMAC-SHA256 keys below 128 bits are guessable. */
    public static final int MIN_SECRET_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    public ClusterTokens(String secret, Duration lifetime, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new ClusterSecretMissingException(secret == null || secret.isBlank());
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for {@code nodeId} to reach {@code streamId}, valid for the token lifetime from now. */
    public String issue(String nodeId, String streamId) {
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        byte[] payload = (nodeId + "\n" + streamId + "\n" + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * The node a valid token for {@code streamId} names.
     *
     * @throws InvalidClusterTokenException when the token is malformed, forged, for another stream or expired
     */
    public String verify(String token, String streamId) {
        if (token == null) {
            throw new InvalidClusterTokenException("no cluster token");
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] presented;
        try {
            payload = DECODER.decode(token.substring(0, Math.max(dot, 0)));
            presented = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidClusterTokenException("malformed cluster token");
        }
        if (dot < 0 || !MessageDigest.isEqual(mac(payload), presented)) {
            throw new InvalidClusterTokenException("cluster token not signed with this cluster's secret");
        }
        String[] fields = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 3 || !fields[1].equals(streamId)) {
            throw new InvalidClusterTokenException("cluster token not for stream " + streamId);
        }
        long expiry;
        try {
            expiry = Long.parseLong(fields[2]);
        } catch (NumberFormatException e) {
            throw new InvalidClusterTokenException("malformed cluster token expiry");
        }
        long now = clock.instant().getEpochSecond();
        if (expiry < now || expiry > now + lifetime.toSeconds() + 1) {
            throw new InvalidClusterTokenException("cluster token expired or dated ahead");
        }
        return fields[0];
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
