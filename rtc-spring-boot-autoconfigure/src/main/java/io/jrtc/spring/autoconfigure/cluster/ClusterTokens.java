package io.jrtc.spring.autoconfigure.cluster;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tokens that authenticate one node's call to another ({@code rtc.cluster.secret}): a token names the
 * calling node, the stream it may pull and an expiry, signed with HMAC-SHA256 (RFC 2104) under the secret every
 * node shares. A token is {@code base64url(node \n stream \n expiry-seconds) "." base64url(mac)}; the MAC is
 * compared in constant time before anything in the token is believed.
 */
public final class ClusterTokens {
    /** Shortest secret taken: 128 bits, as much as a random token carries. */
    public static final int MIN_SECRET_BYTES = 16;
    /** How long a token is good for: one call, with room for a loaded machine. */
    static final Duration LIFETIME = Duration.ofSeconds(30);
    /** How far apart two nodes' clocks may be: a token dated further ahead than this is refused. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    /** @throws ClusterSecretException when the secret is missing or shorter than {@link #MIN_SECRET_BYTES} */
    public ClusterTokens(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new ClusterSecretException("rtc.cluster.secret is not set");
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new ClusterSecretException("rtc.cluster.secret has " + bytes.length + " bytes, fewer than "
                    + MIN_SECRET_BYTES);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.clock = clock;
    }

    /** A token for {@code nodeId} to pull {@code streamId}, good for {@link #LIFETIME} from now. */
    public String issue(String nodeId, String streamId) {
        long expiry = clock.instant().plus(LIFETIME).getEpochSecond();
        byte[] claims = (nodeId + "\n" + streamId + "\n" + expiry).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(mac(claims));
    }

    /**
     * The calling node named by {@code token} when it is ours, unexpired, not dated ahead and for {@code streamId};
     * null otherwise (a malformed token included: it never throws).
     */
    public String verify(String token, String streamId) {
        if (token == null) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        byte[] claims;
        byte[] signature;
        try {
            claims = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (!MessageDigest.isEqual(mac(claims), signature)) {
            return null;
        }
        String[] fields = new String(claims, StandardCharsets.UTF_8).split("\n", -1);
        if (fields.length != 3 || !fields[1].equals(streamId)) {
            return null;
        }
        Instant expiry;
        try {
            expiry = Instant.ofEpochSecond(Long.parseLong(fields[2]));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        Instant now = clock.instant();
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(LIFETIME).plus(CLOCK_SKEW))) {
            return null;
        }
        return fields[0];
    }

    private byte[] mac(byte[] claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
