package io.jrtc.spring.autoconfigure.security;

import java.util.ArrayList;
import java.util.List;

import io.jrtc.spring.autoconfigure.RtcProperties;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The rtc endpoints as Spring Security request matchers, from the configured paths, so an application's own
 * {@code SecurityFilterChain} secures them in one line:
 *
 * <pre>{@code
 * http.authorizeHttpRequests(rtc.authenticated())            // control plane and WHIP: authenticated; WHEP: open
 *     .csrf(csrf -> csrf.ignoringRequestMatchers(rtc.all())) // bearer/basic APIs, no cookies
 * }</pre>
 *
 * The starter's own guard then accepts every request the chain authenticated (its principal), whatever the
 * mechanism (HTTP Basic, JWT, OAuth2); it still asks for {@code rtc.whep.token} on WHEP when one is set.
 */
public class RtcRequestMatchers {
    private final RequestMatcher controlPlane;
    private final RequestMatcher whip;
    private final RequestMatcher whep;
    private final RequestMatcher all;

    /**
     * @param endpointPath where Actuator serves the rtc endpoint, or null when it is not served
     */
    public RtcRequestMatchers(RtcProperties properties, String endpointPath) {
        List<RequestMatcher> control = new ArrayList<>();
        control.add(pattern(properties.getRest().getBasePath()));
        control.add(PathPatternRequestMatcher.withDefaults().matcher(properties.getEvents().getPath()));
        if (endpointPath != null) {
            control.add(pattern(endpointPath));
        }
        this.controlPlane = new OrRequestMatcher(control);
        this.whip = pattern(properties.getWhip().getPath());
        this.whep = pattern(properties.getWhep().getPath());
        this.all = new OrRequestMatcher(controlPlane, whip, whep);
    }

    private static RequestMatcher pattern(String path) {
        String base = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return PathPatternRequestMatcher.withDefaults().matcher(base + "/**");
    }

    /** The REST API, the event stream and the rtc actuator endpoint. */
    public RequestMatcher controlPlane() {
        return controlPlane;
    }

    /** WHIP ingest: publishing, trickle and ending a published stream. */
    public RequestMatcher whip() {
        return whip;
    }

    /** WHEP playback. */
    public RequestMatcher whep() {
        return whep;
    }

    /** Every rtc endpoint. */
    public RequestMatcher all() {
        return all;
    }

    /**
     * Requires an authenticated request for the control plane and WHIP, and lets WHEP playback through (the
     * starter's guard still asks for rtc.whep.token when one is set). Put it before the application's own
     * {@code anyRequest()} rule, which it does not touch.
     */
    public Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
            authenticated() {
        return registry -> registry
                .requestMatchers(whep).permitAll()
                .requestMatchers(controlPlane, whip).authenticated();
    }
}
