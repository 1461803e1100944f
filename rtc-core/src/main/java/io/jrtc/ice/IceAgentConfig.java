package io.jrtc.ice;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Settings of an {@link IceAgent}. All durations are in nanoseconds.
 *
 * @param initialRole              role before any conflict resolution (RFC 8445 §6.1.1)
 * @param tieBreaker               64-bit unsigned tie-breaker for role conflicts (RFC 8445 §7.3.1.1)
 * @param localParameters          local ufrag/pwd
 * @param checkIntervalNanos       Ta, the pacing of new checks (RFC 8445 §14.2); 50 ms by default
 * @param consentIntervalNanos     mean interval of consent checks on the selected pair (RFC 7675 §5.1), 5 s;
 *                                 each wait is randomised to 0.8-1.2 times this
 * @param consentTimeoutNanos      consent expires this long after the last authenticated response, 30 s
 * @param disconnectedTimeoutNanos no packet on the selected pair for this long makes the state disconnected
 * @param failedTimeoutNanos       no valid pair this long after checks began makes the state failed
 * @param stunServers              resolved STUN servers for server-reflexive candidates
 * @param randomSeed               seed of the agent's only source of randomness (transaction ids, jitter)
 * @param maxRemoteCandidates      remote candidates kept, signalled and peer-reflexive; later ones are counted in
 *                                 {@link IceAgent#ignoredRemoteCandidates()} and ignored
 * @param maxPairs                 pairs in the check list (RFC 8445 §6.1.2.5 suggests 100)
 * @param destinations             where checks may go; remote candidates elsewhere are counted in
 *                                 {@link IceAgent#filteredRemoteCandidates()} and ignored; {@link DestinationPolicy#lan()}
 *                                 by default
 * @param lite                     whether the agent is an ICE-lite one (RFC 8445 §2.5): it answers checks and follows
 *                                 the peer's nomination, but sends no checks and nominates nothing
 */
public record IceAgentConfig(IceRole initialRole, long tieBreaker, IceParameters localParameters,
                             long checkIntervalNanos, long consentIntervalNanos, long consentTimeoutNanos,
                             long disconnectedTimeoutNanos, long failedTimeoutNanos,
                             List<InetSocketAddress> stunServers, long randomSeed, int maxRemoteCandidates,
                             int maxPairs, DestinationPolicy destinations, boolean lite) {
    public static final long DEFAULT_CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    public static final long DEFAULT_CONSENT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);
    public static final long DEFAULT_CONSENT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    public static final long DEFAULT_DISCONNECTED_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    public static final long DEFAULT_FAILED_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    public static final int DEFAULT_MAX_REMOTE_CANDIDATES = 32;
    public static final int DEFAULT_MAX_PAIRS = 100;

    public IceAgentConfig {
        Objects.requireNonNull(initialRole, "initialRole");
        Objects.requireNonNull(localParameters, "localParameters");
        stunServers = List.copyOf(stunServers);
        Objects.requireNonNull(destinations, "destinations");
        if (checkIntervalNanos <= 0 || consentIntervalNanos <= 0 || consentTimeoutNanos <= 0
                || disconnectedTimeoutNanos <= 0 || failedTimeoutNanos <= 0) {
            throw new IllegalArgumentException("intervals and timeouts must be positive");
        }
        if (maxRemoteCandidates < 1 || maxPairs < 1) {
            throw new IllegalArgumentException("maxRemoteCandidates and maxPairs must be positive");
        }
    }

    /** Defaults with a tie-breaker and random seed drawn from a SecureRandom. */
    public static IceAgentConfig defaults(IceRole role, IceParameters p) {
        SecureRandom r = new SecureRandom();
        return defaults(role, p, r.nextLong(), r.nextLong());
    }

    /** Defaults with a given tie-breaker and seed, for reproducible runs. */
    public static IceAgentConfig defaults(IceRole role, IceParameters p, long tieBreaker, long randomSeed) {
        return new IceAgentConfig(role, tieBreaker, p, DEFAULT_CHECK_INTERVAL_NANOS, DEFAULT_CONSENT_INTERVAL_NANOS,
                DEFAULT_CONSENT_TIMEOUT_NANOS, DEFAULT_DISCONNECTED_TIMEOUT_NANOS, DEFAULT_FAILED_TIMEOUT_NANOS,
                List.of(), randomSeed, DEFAULT_MAX_REMOTE_CANDIDATES, DEFAULT_MAX_PAIRS, DestinationPolicy.lan(),
                false);
    }

    public IceAgentConfig withStunServers(List<InetSocketAddress> servers) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeoutNanos, failedTimeoutNanos, servers, randomSeed,
                maxRemoteCandidates, maxPairs, destinations, lite);
    }

    public IceAgentConfig withTimeouts(long disconnectedTimeout, long failedTimeout) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeout, failedTimeout, stunServers, randomSeed,
                maxRemoteCandidates, maxPairs, destinations, lite);
    }

    public IceAgentConfig withCheckInterval(long checkInterval) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkInterval, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeoutNanos, failedTimeoutNanos, stunServers, randomSeed,
                maxRemoteCandidates, maxPairs, destinations, lite);
    }

    public IceAgentConfig withLimits(int remoteCandidates, int pairs) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeoutNanos, failedTimeoutNanos, stunServers, randomSeed,
                remoteCandidates, pairs, destinations, lite);
    }

    public IceAgentConfig withConsent(long consentInterval, long consentTimeout) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentInterval,
                consentTimeout, disconnectedTimeoutNanos, failedTimeoutNanos, stunServers, randomSeed,
                maxRemoteCandidates, maxPairs, destinations, lite);
    }

    public IceAgentConfig withDestinations(DestinationPolicy policy) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeoutNanos, failedTimeoutNanos, stunServers, randomSeed,
                maxRemoteCandidates, maxPairs, policy, lite);
    }

    /** An ICE-lite agent (RFC 8445 §2.5) when {@code isLite}. */
    public IceAgentConfig withLite(boolean isLite) {
        return new IceAgentConfig(initialRole, tieBreaker, localParameters, checkIntervalNanos, consentIntervalNanos,
                consentTimeoutNanos, disconnectedTimeoutNanos, failedTimeoutNanos, stunServers, randomSeed,
                maxRemoteCandidates, maxPairs, destinations, isLite);
    }
}
