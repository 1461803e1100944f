package io.jrtc.turn;

import io.jrtc.stun.StunRetransmissionPolicy;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link TurnClient} needs: the server's address (datagrams from elsewhere are dropped), long-term
 * credentials, the allocation lifetime to ask for (0: let the server choose) and the request retransmission policy.
 *
 * <p>The password is used as given: OpaqueString/SASLprep (RFC 8265) is not applied, which is the identity for the
 * ASCII passwords TURN servers hand out.
 */
public record TurnClientConfig(InetSocketAddress server, String username, String password, long lifetimeSeconds,
                               StunRetransmissionPolicy retransmission) {
    /** RTO 500 ms doubling to 4 s, five requests, final wait 4 s: a silent server is given up after 11.5 s. */
    public static final StunRetransmissionPolicy DEFAULT_RETRANSMISSION = new StunRetransmissionPolicy(
            TimeUnit.MILLISECONDS.toNanos(500), TimeUnit.SECONDS.toNanos(4), 5, 8);
    /** RFC 8656 §3.3's default allocation lifetime. */
    public static final long DEFAULT_LIFETIME_SECONDS = 600;

    public TurnClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(retransmission, "retransmission");
        if (server.getAddress() == null) {
            throw new IllegalArgumentException("server address must be resolved: " + server);
        }
        if (lifetimeSeconds < 0 || lifetimeSeconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("lifetime must be a 32-bit unsigned value: " + lifetimeSeconds);
        }
    }

    public static TurnClientConfig of(InetSocketAddress server, String username, String password) {
        return new TurnClientConfig(server, username, password, DEFAULT_LIFETIME_SECONDS, DEFAULT_RETRANSMISSION);
    }
}
