package io.jrtc.pc;

import static io.jrtc.pc.SettingsChecks.ordered;
import static io.jrtc.pc.SettingsChecks.positive;
import static io.jrtc.pc.SettingsChecks.range;

import java.time.Duration;

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
 */
public record IceSettings(Duration checkInterval, Duration consentInterval, Duration consentTimeout,
                          Duration disconnectedTimeout, Duration failedTimeout, int maxRemoteCandidates,
                          int maxCandidatePairs) {
    public IceSettings {
        positive("ice checkInterval", checkInterval);
        positive("ice consentInterval", consentInterval);
        positive("ice consentTimeout", consentTimeout);
        positive("ice disconnectedTimeout", disconnectedTimeout);
        positive("ice failedTimeout", failedTimeout);
        ordered("ice consentInterval", consentInterval, "ice consentTimeout", consentTimeout);
        range("ice maxRemoteCandidates", maxRemoteCandidates, 1, 1000);
        range("ice maxCandidatePairs", maxCandidatePairs, 1, 1000);
    }

    public static IceSettings defaults() {
        return new IceSettings(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(30), 32, 100);
    }

    public IceSettings withCheckInterval(Duration interval) {
        return new IceSettings(interval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs);
    }

    public IceSettings withConsent(Duration interval, Duration timeout) {
        return new IceSettings(checkInterval, interval, timeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs);
    }

    public IceSettings withTimeouts(Duration disconnected, Duration failed) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnected, failed,
                maxRemoteCandidates, maxCandidatePairs);
    }

    public IceSettings withLimits(int remoteCandidates, int candidatePairs) {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                remoteCandidates, candidatePairs);
    }
}
