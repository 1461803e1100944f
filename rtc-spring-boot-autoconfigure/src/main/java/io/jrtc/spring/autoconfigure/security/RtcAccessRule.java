package io.jrtc.spring.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Who may use one area of the rtc endpoints (the control plane, WHIP ingest, WHEP playback). A request passes when
 * the application authenticated it (Spring Security or the container set a principal), or when it presents the
 * area's bearer token (RFC 6750 section 2.1: the Authorization header; section 2.3, the {@code access_token} query
 * parameter, only on a WebSocket handshake, since browsers cannot set headers there and a URL elsewhere ends up
 * in logs). Without a token, an area in protected mode serves loopback clients only, as Redis does: others get
 * 403 naming the property to set.
 */
public final class RtcAccessRule {
    /** What a rule says about one request. */
    public enum Outcome {
        /** Serve it. */
        ALLOWED,
        /** A token is configured and was not presented, or was wrong: 401 with a Bearer challenge. */
        UNAUTHORIZED,
        /** No token is configured and the client is not on loopback: 403 naming {@link #tokenProperty()}. */
        PROTECTED_MODE
    }

    static final String ACCESS_TOKEN_PARAMETER = "access_token";

    private final String area;
    private final String tokenProperty;
    private final byte[] token;
    private final boolean protectedMode;

    private RtcAccessRule(String area, String tokenProperty, String token, boolean protectedMode) {
        this.area = area;
        this.tokenProperty = tokenProperty;
        this.token = token == null || token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.protectedMode = protectedMode;
    }

    /**
     * @param area          what the rule guards, in words for messages ("the REST API ...")
     * @param tokenProperty the property that sets its token, named in 401 and 403 answers
     * @param token         the token, or null/blank for none
     * @param protectedMode whether, without a token, only loopback clients are served
     */
    public static RtcAccessRule of(String area, String tokenProperty, String token, boolean protectedMode) {
        return new RtcAccessRule(area, tokenProperty, token, protectedMode);
    }

    /** A rule that checks the token when one is given and otherwise lets everybody in. */
    public static RtcAccessRule tokenIfSet(String area, String tokenProperty, String token) {
        return new RtcAccessRule(area, tokenProperty, token, false);
    }

    /** A rule that lets every request in: for public endpoints (a data-plane echo) that only want bodies bounded. */
    public static RtcAccessRule anyone() {
        return new RtcAccessRule("this endpoint", "no property", null, false);
    }

    public String area() {
        return area;
    }

    public String tokenProperty() {
        return tokenProperty;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** Whether non-loopback clients are turned away for want of a token. */
    public boolean isProtectedModeActive() {
        return token == null && protectedMode;
    }

    /** Why a non-loopback client was refused, and the ways out. */
    public String protectedModeMessage() {
        return RtcAccessPolicy.protectedModeMessage(this);
    }

    public Outcome check(HttpServletRequest request) {
        if (request.getUserPrincipal() != null) {
            return Outcome.ALLOWED;
        }
        if (token != null) {
            String presented = presentedToken(request);
            return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))
                    ? Outcome.ALLOWED : Outcome.UNAUTHORIZED;
        }
        if (protectedMode && !ClientAddresses.isLoopback(request.getRemoteAddr())) {
            return Outcome.PROTECTED_MODE;
        }
        return Outcome.ALLOWED;
    }

    /** The bearer token of the request: its Authorization header, or the query parameter on a handshake. */
    public static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return isWebSocketHandshake(request) ? request.getParameter(ACCESS_TOKEN_PARAMETER) : null;
    }

    /** RFC 6455 section 4.1: a GET with {@code Upgrade: websocket}. */
    static boolean isWebSocketHandshake(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
