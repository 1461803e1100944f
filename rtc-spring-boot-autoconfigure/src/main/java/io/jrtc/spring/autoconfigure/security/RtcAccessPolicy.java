package io.jrtc.spring.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;

/**
 * The access rules of the rtc endpoints: the control plane (REST API, event stream, {@code rtc} actuator endpoint)
 * with {@code rtc.rest.bearer-token}, WHIP ingest with {@code rtc.whip.token}, both in protected mode without
 * their token, and WHEP playback with {@code rtc.whep.token}, anonymous without it. A bean of this type replaces
 * the one built from the properties.
 */
public class RtcAccessPolicy {
    static final String CONTROL_PLANE = "the REST API, the event stream and the rtc actuator endpoint";
    static final String PROTECTED_MODE_PROPERTY = "rtc.security.protected-mode";

    private final RtcAccessRule controlPlane;
    private final RtcAccessRule whip;
    private final RtcAccessRule whep;

    public RtcAccessPolicy(RtcAccessRule controlPlane, RtcAccessRule whip, RtcAccessRule whep) {
        this.controlPlane = controlPlane;
        this.whip = whip;
        this.whep = whep;
    }

    public static RtcAccessPolicy of(RtcProperties properties) {
        boolean protectedMode = properties.getSecurity().isProtectedMode();
        return new RtcAccessPolicy(
                RtcAccessRule.of(CONTROL_PLANE, "rtc.rest.bearer-token", properties.getRest().getBearerToken(),
                        protectedMode),
                RtcAccessRule.of("WHIP ingest", "rtc.whip.token", properties.getWhip().getToken(), protectedMode),
                RtcAccessRule.tokenIfSet("WHEP playback", "rtc.whep.token", properties.getWhep().getToken()));
    }

    public RtcAccessRule controlPlane() {
        return controlPlane;
    }

    public RtcAccessRule whip() {
        return whip;
    }

    public RtcAccessRule whep() {
        return whep;
    }

    /** One sentence per area that protected mode restricts to loopback clients, for the startup log. */
    public List<String> protectedModeWarnings() {
        List<String> warnings = new ArrayList<>();
        for (RtcAccessRule rule : List.of(controlPlane, whip, whep)) {
            if (rule.isProtectedModeActive()) {
                warnings.add(protectedModeMessage(rule));
            }
        }
        return warnings;
    }

    /** Why a non-loopback client was refused, and the ways out. */
    static String protectedModeMessage(RtcAccessRule rule) {
        return "Protected mode: " + rule.tokenProperty() + " is not set, so " + rule.area()
                + " answer only clients on loopback. Set " + rule.tokenProperty()
                + " (or authenticate these requests with Spring Security), or set " + PROTECTED_MODE_PROPERTY
                + "=false to serve them to anybody.";
    }
}
