package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.IceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rtc.ice.*}: ICE timers and limits of every connection (RFC 8445, RFC 7675); browsers' values by default,
 * except that checks go to no private address unless {@code rtc.ice.allowed-private-destinations} names its range.
 */
public class IceProperties {
    private static final IceSettings DEFAULTS = IceSettings.defaults();

    /** Pacing of new connectivity checks (Ta, RFC 8445 section 14.2). */
    private Duration checkInterval = DEFAULTS.checkInterval();

    /** Mean interval of consent checks on the selected pair (RFC 7675). */
    private Duration consentInterval = DEFAULTS.consentInterval();

    /** How long after the last consent response a connection fails (RFC 7675). */
    private Duration consentTimeout = DEFAULTS.consentTimeout();

    /** How long without a packet on the selected pair before the state is disconnected. */
    private Duration disconnectedTimeout = DEFAULTS.disconnectedTimeout();

    /** How long checks may run without a valid pair before the state is failed. */
    private Duration failedTimeout = DEFAULTS.failedTimeout();

    /** Remote candidates kept per connection; later ones are ignored. */
    private int maxRemoteCandidates = DEFAULTS.maxRemoteCandidates();

    /** Candidate pairs in a connection's check list. */
    private int maxCandidatePairs = DEFAULTS.maxCandidatePairs();

    /**
     * Private address ranges (CIDR, e.g. 10.0.0.0/8, 192.168.0.0/16, fc00::/7, or 198.18.0.0/15 for the test
     * namespace) that connectivity checks may go to. None by default: a service facing the internet never sends
     * into a private network because a peer signalled a candidate there. Set the ranges of a LAN or VPN whose peers
     * connect directly. Loopback is checked only when rtc.include-loopback is on; link-local, multicast, broadcast
     * and unspecified addresses never.
     */
    private List<String> allowedPrivateDestinations = new ArrayList<>();

    /**
     * Whether connections are ICE-lite agents (RFC 8445 section 2.5): they answer the peer's checks and follow its
     * nomination, send no checks themselves, and say a=ice-lite. For a service on a public address whose peers are
     * full agents (browsers); a lite connection fails after the failed timeout without a check from the peer.
     */
    private boolean lite = DEFAULTS.lite();

    IceSettings toSettings() {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs, allowedPrivateDestinations, lite);
    }

    public List<String> getAllowedPrivateDestinations() {
        return allowedPrivateDestinations;
    }

    public void setAllowedPrivateDestinations(List<String> allowedPrivateDestinations) {
        this.allowedPrivateDestinations = allowedPrivateDestinations;
    }

    public boolean isLite() {
        return lite;
    }

    public void setLite(boolean lite) {
        this.lite = lite;
    }

    public Duration getCheckInterval() {
        return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
        this.checkInterval = checkInterval;
    }

    public Duration getConsentInterval() {
        return consentInterval;
    }

    public void setConsentInterval(Duration consentInterval) {
        this.consentInterval = consentInterval;
    }

    public Duration getConsentTimeout() {
        return consentTimeout;
    }

    public void setConsentTimeout(Duration consentTimeout) {
        this.consentTimeout = consentTimeout;
    }

    public Duration getDisconnectedTimeout() {
        return disconnectedTimeout;
    }

    public void setDisconnectedTimeout(Duration disconnectedTimeout) {
        this.disconnectedTimeout = disconnectedTimeout;
    }

    public Duration getFailedTimeout() {
        return failedTimeout;
    }

    public void setFailedTimeout(Duration failedTimeout) {
        this.failedTimeout = failedTimeout;
    }

    public int getMaxRemoteCandidates() {
        return maxRemoteCandidates;
    }

    public void setMaxRemoteCandidates(int maxRemoteCandidates) {
        this.maxRemoteCandidates = maxRemoteCandidates;
    }

    public int getMaxCandidatePairs() {
        return maxCandidatePairs;
    }

    public void setMaxCandidatePairs(int maxCandidatePairs) {
        this.maxCandidatePairs = maxCandidatePairs;
    }
}
