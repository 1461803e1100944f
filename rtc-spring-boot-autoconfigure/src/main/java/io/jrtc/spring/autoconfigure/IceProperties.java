package io.jrtc.spring.autoconfigure;

import io.jrtc.pc.IceSettings;
import java.time.Duration;

/** {@code rtc.ice.*}: ICE timers and limits of every connection (RFC 8445, RFC 7675); browsers' values by default. */
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

    IceSettings toSettings() {
        return new IceSettings(checkInterval, consentInterval, consentTimeout, disconnectedTimeout, failedTimeout,
                maxRemoteCandidates, maxCandidatePairs);
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
