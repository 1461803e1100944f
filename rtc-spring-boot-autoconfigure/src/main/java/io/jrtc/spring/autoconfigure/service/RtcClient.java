package io.jrtc.spring.autoconfigure.service;

/**
 * Who asks for a peer connection, as far as the per-client limits are concerned: the client's address (as the web
 * server resolved it, so {@code server.forward-headers-strategy} applies behind a proxy) and, when the request was
 * authenticated, a key for its credential (a principal name or a token's fingerprint, never the token itself).
 *
 * @param address    the client's IP address, never null
 * @param credential the credential's key, or null for an anonymous request
 */
public record RtcClient(String address, String credential) {
    public RtcClient {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a client needs an address");
        }
        credential = credential == null || credential.isBlank() ? null : credential;
    }
}
