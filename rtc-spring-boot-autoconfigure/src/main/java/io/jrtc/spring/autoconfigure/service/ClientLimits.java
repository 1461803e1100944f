package io.jrtc.spring.autoconfigure.service;

/**
 * Per-client bounds the {@link ClientLimiter} enforces, beyond which a create answers 429 with Retry-After. Every
 * request counts against its address; an authenticated one counts against its credential too. Zero turns a bound
 * off.
 *
 * @param maxOpenPerAddress           most connections open at once per client address
 * @param createsPerSecondPerAddress  sustained creates per second per client address (a burst of as many is allowed)
 * @param maxOpenPerCredential        most connections open at once per credential
 * @param createsPerSecondPerCredential sustained creates per second per credential
 */
public record ClientLimits(int maxOpenPerAddress, int createsPerSecondPerAddress, int maxOpenPerCredential,
        int createsPerSecondPerCredential) {

    public ClientLimits {
        if (maxOpenPerAddress < 0 || createsPerSecondPerAddress < 0 || maxOpenPerCredential < 0
                || createsPerSecondPerCredential < 0) {
            throw new IllegalArgumentException("per-client limits must not be negative");
        }
    }

    /** No per-client bound at all (connections created by the application itself). */
    public static ClientLimits unlimited() {
        return new ClientLimits(0, 0, 0, 0);
    }
}
