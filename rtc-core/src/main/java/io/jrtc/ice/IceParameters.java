package io.jrtc.ice;

import java.util.Objects;
import java.util.Random;

/**
 * The ICE credentials and options an agent signals (RFC 8839 §5.4, §5.6): "ice-ufrag", "ice-pwd" and "ice-lite".
 * The password is the short-term credential key of connectivity checks.
 */
public record IceParameters(String usernameFragment, String password, boolean iceLite) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceParameters {
        Objects.requireNonNull(usernameFragment, "usernameFragment");
        Objects.requireNonNull(password, "password");
        if (usernameFragment.isEmpty() || usernameFragment.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ufrag must be non-empty without ':': " + usernameFragment);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
    }

    public IceParameters(String usernameFragment, String password) {
        this(usernameFragment, password, false);
    }

    /**
     * Fresh credentials of ice-chars (RFC 8839 §5.4): an 8-character ufrag (at least 24 bits of randomness
     * required) and a 24-character password (at least 128 bits required).
     */
    public static IceParameters random(Random r) {
        return new IceParameters(randomIceChars(r, 8), randomIceChars(r, 24), false);
    }

    private static String randomIceChars(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ICE_CHARS.charAt(r.nextInt(ICE_CHARS.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "IceParameters[ufrag=" + usernameFragment + ", iceLite=" + iceLite + "]";
    }
}
