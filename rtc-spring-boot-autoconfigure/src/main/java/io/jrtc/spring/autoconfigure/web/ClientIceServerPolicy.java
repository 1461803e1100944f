package io.jrtc.spring.autoconfigure.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jrtc.pc.RTCIceServer;
import io.jrtc.spring.autoconfigure.ClientIceServerProperties;
import io.jrtc.spring.autoconfigure.service.IceServers;

/**
 * Decides whether the ICE servers a REST create names may be used ({@code rtc.rest.client-ice-servers.*}): not at
 * all by default, else at most {@code max-urls} URLs whose hosts are on the allowlist. A server a client names is
 * one the service sends STUN to and, for {@code turn:...?transport=tcp} and {@code turns:}, opens connections to,
 * so an unchecked list would make it a port scanner for anybody. Everything is decided on the URL text: the count
 * before any URL is parsed, the host as written (a name is never resolved here), so a refusal costs no I/O.
 */
final class ClientIceServerPolicy {
    static final String ENABLED_PROPERTY = "rtc.rest.client-ice-servers.enabled";

    private final boolean enabled;
    private final int maxUrls;
    private final List<String> allowedHosts;

    ClientIceServerPolicy(ClientIceServerProperties properties) {
        this.enabled = properties.isEnabled();
        this.maxUrls = properties.getMaxUrls();
        this.allowedHosts = properties.getAllowedHosts().stream()
                .map(host -> host.trim().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
    }

    /**
     * @return the servers to use: null when the body has no iceServers (the configured ones apply), none for an
     *         empty list (which names no server to reach, so it is allowed even when client servers are off)
     * @throws IllegalArgumentException (400) when the body names servers it may not
     */
    List<RTCIceServer> servers(CreatePeerConnectionBody body) {
        if (body == null || body.iceServers() == null) {
            return null;
        }
        if (body.iceServers().isEmpty()) {
            return List.of();
        }
        if (!enabled) {
            throw new IllegalArgumentException("This service does not take ICE servers from clients ("
                    + ENABLED_PROPERTY + " is false); leave out iceServers to use the configured ones");
        }
        int urls = 0;
        for (IceServerBody server : body.iceServers()) {
            urls += server == null || server.urls() == null ? 0 : server.urls().size();
            if (urls > maxUrls) {
                throw new IllegalArgumentException("At most " + maxUrls
                        + " ICE server URLs per connection (rtc.rest.client-ice-servers.max-urls)");
            }
        }
        List<RTCIceServer> servers = new ArrayList<>();
        for (int i = 0; i < body.iceServers().size(); i++) {
            IceServerBody server = body.iceServers().get(i);
            if (server == null) {
                throw new IllegalArgumentException("iceServers[" + i + "] is null");
            }
            List<String> serverUrls = server.urls() == null ? List.of() : server.urls();
            for (int u = 0; u < serverUrls.size(); u++) {
                String host = host(serverUrls.get(u));
                if (!allowed(host)) {
                    throw new IllegalArgumentException("iceServers[" + i + "].urls[" + u + "]: host '" + host
                            + "' is not in rtc.rest.client-ice-servers.allowed-hosts");
                }
            }
            servers.add(IceServers.create("iceServers[" + i + "]", serverUrls, server.username(),
                    server.credential()));
        }
        return servers;
    }

    boolean allowed(String host) {
        if (host.isEmpty()) {
            return false;
        }
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) && host.length() > allowed.length() - 1
                    : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** The host of {@code scheme:host[:port][?query]} (RFC 7064, RFC 7065), lower case, brackets kept off. */
    static String host(String url) {
        if (url == null) {
            return "";
        }
        int colon = url.indexOf(':');
        String rest = colon < 0 ? "" : url.substring(colon + 1);
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            host = close < 0 ? "" : rest.substring(1, close);
        } else {
            int port = rest.lastIndexOf(':');
            host = port < 0 ? rest : rest.substring(0, port);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
