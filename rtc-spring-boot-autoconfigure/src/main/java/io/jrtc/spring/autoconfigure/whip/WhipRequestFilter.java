package io.jrtc.spring.autoconfigure.whip;

import java.io.IOException;

import io.jrtc.spring.autoconfigure.security.RtcAccessRule;
import io.jrtc.spring.autoconfigure.web.RtcRestRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the WHIP or WHEP endpoints and lets pages of any origin use them (WHIP clients are often pages served
 * elsewhere): every response allows any origin and exposes the headers a client needs (Location, ETag, Link,
 * Accept-Post, Accept-Patch, Retry-After, WWW-Authenticate); a CORS preflight is answered here, before the bearer
 * token check (a preflight carries no Authorization); any other request must pass its {@link RtcAccessRule} (401
 * with {@code WWW-Authenticate: Bearer} without the configured token, 403 in protected mode) and bodies stay
 * within the SDP limit, as the REST API's {@link RtcRestRequestFilter} does. Credentials are never cookies, so a
 * wildcard origin is safe.
 */
public class WhipRequestFilter extends OncePerRequestFilter {
    static final String EXPOSED_HEADERS =
            "Location, ETag, Link, Accept-Post, Accept-Patch, Retry-After, WWW-Authenticate, Content-Type";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, If-Match";
    static final String ALLOWED_METHODS = "OPTIONS, GET, POST, PATCH, DELETE";
    static final long PREFLIGHT_MAX_AGE_SECONDS = 3600;

    private final RtcRestRequestFilter guard;

    public WhipRequestFilter(RtcAccessRule access, long maxSdpBytes, JsonMapper jsonMapper) {
        this.guard = new RtcRestRequestFilter(access, maxSdpBytes, jsonMapper);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.ORIGIN) != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, Long.toString(PREFLIGHT_MAX_AGE_SECONDS));
            response.setHeader(WhipResponses.ACCEPT_POST, WhipResponses.APPLICATION_SDP);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (HttpMethod.OPTIONS.matches(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        guard.doFilter(request, response, chain);
    }
}
