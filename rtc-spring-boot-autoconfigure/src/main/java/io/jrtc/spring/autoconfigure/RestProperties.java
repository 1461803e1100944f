package io.jrtc.spring.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** {@code rtc.rest.*}: the REST API that manages peer connections. */
public class RestProperties {

    /**
     * Whether the REST API is served (needs a servlet web application with Spring MVC).
     */
    private boolean enabled = true;

    /**
     * Path under which the REST API is served.
     */
    private String basePath = "/api/rtc";

    /**
     * Bearer token the REST API, the event stream and the rtc actuator endpoint require (Authorization: Bearer
     * ...; access_token in the query only on the event stream's WebSocket handshake). Without one, protected
     * mode serves them to loopback clients only (rtc.security.protected-mode).
     */
    private String bearerToken;

    @NestedConfigurationProperty
    private final ClientIceServerProperties clientIceServers = new ClientIceServerProperties();

    @NestedConfigurationProperty
    private final DataChannelBridgeProperties dataChannels = new DataChannelBridgeProperties();

    public ClientIceServerProperties getClientIceServers() {
        return clientIceServers;
    }

    public DataChannelBridgeProperties getDataChannels() {
        return dataChannels;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }
}
