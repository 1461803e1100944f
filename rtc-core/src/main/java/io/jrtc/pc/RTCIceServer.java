package io.jrtc.pc;

import io.jrtc.pc.internal.transport.IceServerUrl;
import java.util.List;
import java.util.Objects;

/**
 * A STUN or TURN server (W3C RTCIceServer). URLs follow RFC 7064 / RFC 7065: {@code stun:host[:port]},
 * {@code stuns:}, {@code turn:host[:port][?transport=udp|tcp]}, {@code turns:}; a malformed one is rejected here
 * with the reason, not later when gathering.
 */
public record RTCIceServer(List<String> urls, String username, String credential, String credentialType) {
    public RTCIceServer {
        Objects.requireNonNull(urls, "urls");
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
        urls = List.copyOf(urls);
        for (String url : urls) {
            IceServerUrl parsed = IceServerUrl.parse(url);
            if (parsed.isTurn() && (username == null || credential == null)) {
                throw new IllegalArgumentException("TURN server " + url + " needs a username and a credential");
            }
        }
        if (credentialType == null) {
            credentialType = "password";
        }
    }

    public RTCIceServer(String url) {
        this(List.of(url), null, null, "password");
    }

    public RTCIceServer(String url, String username, String credential) {
        this(List.of(url), username, credential, "password");
    }

    public List<String> getUrls() {
        return urls;
    }

    public String getUsername() {
        return username;
    }

    public String getCredential() {
        return credential;
    }

    public String getCredentialType() {
        return credentialType;
    }

    /** Without the credential, which has no business in logs. */
    @Override
    public String toString() {
        return "RTCIceServer{urls=" + urls + (username == null ? "" : ", username=" + username) + "}";
    }
}
