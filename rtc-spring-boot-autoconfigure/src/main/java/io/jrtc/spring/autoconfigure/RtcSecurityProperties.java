package io.jrtc.spring.autoconfigure;

/** {@code rtc.security.*}: how the rtc endpoints behave when nobody configured a way to authenticate. */
public class RtcSecurityProperties {

    /**
     * Whether endpoints without a configured token (the REST API, the event stream and the rtc actuator endpoint
     * without rtc.rest.bearer-token; WHIP without rtc.whip.token) answer only loopback clients, with 403 for any
     * other. Requests the application authenticated itself (Spring Security) always pass. Set to false to serve
     * them to everybody without a token.
     */
    private boolean protectedMode = true;

    public boolean isProtectedMode() {
        return protectedMode;
    }

    public void setProtectedMode(boolean protectedMode) {
        this.protectedMode = protectedMode;
    }
}
