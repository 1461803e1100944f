package io.jrtc.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rtc.rest.client-ice-servers.*}: whether a REST create may name its own STUN/TURN servers. A server the
 * client names is one this service sends packets to and opens TCP/TLS connections to, so it is off by default and,
 * when on, bounded by a count and a host allowlist; names are checked as text, never resolved on the request.
 */
public class ClientIceServerProperties {

    /**
     * Whether POST /peer-connections may carry its own iceServers; when not, such a request answers 400.
     */
    private boolean enabled = false;

    /**
     * Most URLs, over all servers, one create may name.
     */
    private int maxUrls = 4;

    /**
     * Hosts a client-named server may have: exact names or IP literals, or "*.example.org" for any subdomain. Empty
     * allows none.
     */
    private List<String> allowedHosts = new ArrayList<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getMaxUrls() {
        return maxUrls;
    }

    public void setMaxUrls(int maxUrls) {
        this.maxUrls = maxUrls;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }
}
