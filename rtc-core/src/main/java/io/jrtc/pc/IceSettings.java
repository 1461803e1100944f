package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.ordered;
import static io.jrtc.pc.SettingsChecks.positive;
import static io.jrtc.pc.SettingsChecks.range;

import io.jrtc.ice.AddressRange;
import io.jrtc.ice.DestinationPolicy;
import java.time.Duration;
import java.util.List;

/**
 * ICE knobs of every connection of an engine (RFC 8445, RFC 7675). The defaults are those of browsers.
 *
 * @param checkInterval       Ta, the pacing of new connectivity checks (RFC 8445 §14.2); 50 ms
 * @param consentInterval     mean interval of consent checks on the selected pair (RFC 7675 §5.1); 5 s
 * @param consentTimeout      consent expires this long after the last authenticated response (RFC 7675 §5.1); 30 s
 * @param disconnectedTimeout no packet on the selected pair for this long makes the state disconnected; 5 s
 * @param failedTimeout       no valid pair this long after checks began makes the state failed; 30 s
 * @param maxRemoteCandidates remote candidates kept per connection, signalled and peer-reflexive; later ones are
 *                            counted and ignored, so a peer cannot make us check any number of addresses; 32
 * @param maxCandidatePairs   pairs in the check list (RFC 8445 §6.1.2.5 suggests 100); 100
 * @param allowedPrivateDestinations the private address ranges (CIDR) that connectivity checks may go to: a remote
 *                            candidate in 10/8, 172.16/12, 192.168/16, 100.64/10, 198.18/15 (benchmarking, the test
 *                            namespace) or fc00::/7 outside them is counted and ignored. Whatever this says, no
 *                            check goes to unspecified, multicast, broadcast or link-local addresses or port 0, nor
 *                            to loopback unless loopback is gathered. All those ranges by default, so peers on one
 *                            LAN connect as browsers do; a service facing the internet sets none (the starter's
 *                            default), so a peer cannot aim our checks into its private network
 * @param lite                whether connections are ICE-lite agents (RFC 8445 §2.5): they answer checks and follow
 *                            the peer's nomination but send no checks, and say {@code a=ice-lite}; for servers on
 *                            public addresses whose peers are full agents; false
 */
public record IceSettings(Duration checkInterval, Duration consentInterval, Duration consentTimeout,
                          Duration disconnectedTimeout, Duration failedTimeout, int maxRemoteCandidates,
                          int maxCandidatePairs, List<String> allowedPrivateDestinations, boolean lite) {
    public IceSettings {
        positive("ice checkInterval", checkInterval);
        positive("ice consentInterval", consentInterval);
        positive("ice consentTimeout", consentTimeout);
        positive("ice disconnectedTimeout", disconnectedTimeout);
        positive("ice failedTimeout", failedTimeout);
        ordered("ice consentInterval", consentInterval, "ice consentTimeout", consentTimeout);
        range("ice maxRemoteCandidates", maxRemoteCandidates, 1, 1000);
        range("ice maxCandidatePairs", maxCandidatePairs, 1, 1000);
        allowedPrivateDestinations = List.copyOf(allowedPrivateDestinations);
        for (String range : allowedPrivateDestinations) {
            try {
                AddressRange.parse(range);
            } catch (IllegalArgumentException e) {
                // The message is the whole story: no cause, so that a root-cause report names the knob.
                throw new IllegalArgumentException("ice allowedPrivateDestinations: " + e.getMessage());
            }
        }
    }

    /** Every private range, as {@link #defaults()} allows. */
    public static final List<String> ALL_PRIVATE_RANGES = DestinationPolicy.PRIVATE_RANGES.stream()
            .map(AddressRange::toString).toList();

    public static IceSettings defaults() {
        return new IceSettings(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 32, 100, ALL_PRIVATE_RANGES, false);
    }

    public IceSettings withCheckInterval(Duration interval) {
        return new IceSettings(interval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs, allowedPrivateDestinations, lite);
    }

    public IceSettings withConsent(Duration interval, Duration timeout) {
        return new IceSettings(checkInterval, interval, timeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs, allowedPrivateDestinations, lite);
    }

    public IceSettings withTimeouts(Duration disconnected, Duration failed) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnected, failed,
                maxRemoteCandidates, maxCandidatePairs, allowedPrivateDestinations, lite);
    }

    public IceSettings withLimits(int remoteCandidates, int candidatePairs) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                remoteCandidates, candidatePairs, allowedPrivateDestinations, lite);
    }

    /** Checks may go to these private ranges (CIDR) only; an empty list allows none. */
    public IceSettings withAllowedPrivateDestinations(List<String> ranges) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs, ranges, lite);
    }

    public IceSettings withLite(boolean isLite) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs, allowedPrivateDestinations, isLite);
    }

    /** The policy the agents apply. */
    public DestinationPolicy destinationPolicy() {
        return new DestinationPolicy(allowedPrivateDestinations.stream().map(AddressRange::parse).toList());
    }
}
