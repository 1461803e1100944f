package io.jrtc.spring.autoconfigure;

import io.jrtc.spring.autoconfigure.service.ClientLimits;

/**
 * {@code rtc.limits.client.*}: what one client may hold and create. The client's address is the one the web server
 * resolved (with {@code server.forward-headers-strategy} behind a proxy, the forwarded one); a request the
 * application authenticated, or that presented a bearer token, counts against that credential too. Beyond a bound
 * a create answers 429 with Retry-After. 0 turns a bound off.
 */
public class ClientLimitProperties {

    /**
     * Most peer connections one client address may hold open at once (an IPv6 client counts per /64).
     */
    private int maxOpenPerAddress = 10;

    /**
     * Most peer connections one client address may create per second (a burst of as many is allowed).
     */
    private int createsPerSecondPerAddress = 10;

    /**
     * Most peer connections one credential (principal or bearer token) may hold open at once.
     */
    private int maxOpenPerCredential = 100;

    /**
     * Most peer connections one credential (principal or bearer token) may create per second.
     */
    private int createsPerSecondPerCredential = 20;

    public ClientLimits toLimits() {
        return new ClientLimits(maxOpenPerAddress, createsPerSecondPerAddress, maxOpenPerCredential,
                createsPerSecondPerCredential);
    }

    public int getMaxOpenPerAddress() {
        return maxOpenPerAddress;
    }

    public void setMaxOpenPerAddress(int maxOpenPerAddress) {
        this.maxOpenPerAddress = maxOpenPerAddress;
    }

    public int getCreatesPerSecondPerAddress() {
        return createsPerSecondPerAddress;
    }

    public void setCreatesPerSecondPerAddress(int createsPerSecondPerAddress) {
        this.createsPerSecondPerAddress = createsPerSecondPerAddress;
    }

    public int getMaxOpenPerCredential() {
        return maxOpenPerCredential;
    }

    public void setMaxOpenPerCredential(int maxOpenPerCredential) {
        this.maxOpenPerCredential = maxOpenPerCredential;
    }

    public int getCreatesPerSecondPerCredential() {
        return createsPerSecondPerCredential;
    }

    public void setCreatesPerSecondPerCredential(int createsPerSecondPerCredential) {
        this.createsPerSecondPerCredential = createsPerSecondPerCredential;
    }
}
