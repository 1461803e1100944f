package io.jrtc.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rtc.turn.*}: a TURN server that shares a secret with this service and takes short-lived credentials
 * derived from it (the "TURN REST API" scheme; coturn's use-auth-secret): the service's own connections use it, and
 * clients get credentials for it from the REST API's ice-servers endpoint.
 */
public class TurnProperties {

    /**
     * TURN URLs ("turn:host[:port]", "turns:host[:port]"); used only together with a shared secret.
     */
    private List<String> urls = new ArrayList<>();

    /**
     * The secret shared with the TURN server (coturn: static-auth-secret); none means no TURN credentials.
     */
    private String sharedSecret;

    /**
     * How long issued credentials stay valid.
     */
    private Duration credentialTtl = Duration.ofHours(12);

    public List<String> getUrls() {
        return urls;
    }

    public void setUrls(List<String> urls) {
        this.urls = urls;
    }

    public String getSharedSecret() {
        return sharedSecret;
    }

    public void setSharedSecret(String sharedSecret) {
        this.sharedSecret = sharedSecret;
    }

    public Duration getCredentialTtl() {
        return credentialTtl;
    }

    public void setCredentialTtl(Duration credentialTtl) {
        this.credentialTtl = credentialTtl;
    }
}
