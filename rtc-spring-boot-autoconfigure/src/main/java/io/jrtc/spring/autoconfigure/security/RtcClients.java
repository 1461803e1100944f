package io.jrtc.spring.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

import io.jrtc.spring.autoconfigure.service.RtcClient;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@link RtcClient} of a request, for the per-client limits: its address as the web server resolved it
 * ({@link HttpServletRequest#getRemoteAddr()}, which {@code server.forward-headers-strategy} rewrites behind a
 * proxy), and its credential: the authenticated principal's name, else a fingerprint of the bearer token it
 * presented (the token itself is never kept).
 */
public final class RtcClients {
    private RtcClients() {
    }

    public static RtcClient of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        String credential = null;
        if (principal != null && principal.getName() != null) {
            credential = "principal:" + principal.getName();
        } else {
            String token = RtcAccessRule.presentedToken(request);
            if (token != null && !token.isEmpty()) {
                credential = "token:" + fingerprint(token);
            }
        }
        String address = request.getRemoteAddr();
        return new RtcClient(address == null || address.isBlank() ? "unknown" : address, credential);
    }

    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
