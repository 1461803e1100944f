package io.jrtc.spring.autoconfigure;

/** {@code rtc.whip.*}: WHIP ingest (RFC 9725): publishers POST an SDP offer to {@code {path}/{streamId}}. */
public class WhipProperties {

    /**
     * Whether WHIP ingest and WHEP playback are served (needs a servlet web application with Spring MVC).
     */
    private boolean enabled = true;

    /**
     * Path of the WHIP endpoints; a stream is published at {path}/{streamId}.
     */
    private String path = "/whip";

    /**
     * Bearer token a publisher must present (Authorization: Bearer ...). Without one, protected mode lets only
     * loopback clients publish (rtc.security.protected-mode).
     */
    private String token;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
