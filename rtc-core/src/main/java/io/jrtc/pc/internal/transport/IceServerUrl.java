package io.jrtc.pc.internal.transport;

import java.util.Locale;

/** A parsed STUN/TURN URL (RFC 7064, RFC 7065). */
public record IceServerUrl(String scheme, String host, int port, String transport) {
    public static IceServerUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("empty ICE server URL");
        }
        int colon = url.indexOf(':');
        if (colon < 0) {
            throw invalid(url, "no scheme (expected stun:, stuns:, turn: or turns:)");
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("stuns") || scheme.equals("turns");
        if (!scheme.equals("stun") && !scheme.equals("turn") && !secure) {
            throw invalid(url, "unknown scheme '" + scheme + "' (expected stun:, stuns:, turn: or turns:)");
        }
        String rest = url.substring(colon + 1);
        String transport = null;
        int query = rest.indexOf('?');
        if (query >= 0) {
            String params = rest.substring(query + 1);
            rest = rest.substring(0, query);
            if (!params.startsWith("transport=")) {
                throw invalid(url, "unknown query '" + params + "' (only transport=udp|tcp is defined)");
            }
            transport = params.substring("transport=".length()).toLowerCase(Locale.ROOT);
            if (!transport.equals("udp") && !transport.equals("tcp")) {
                throw invalid(url, "transport must be udp or tcp, not '" + transport + "'");
            }
            if (scheme.startsWith("stun")) {
                throw invalid(url, "a STUN URL takes no transport parameter");
            }
        }
        String host;
        String portText = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(url, "unterminated IPv6 literal");
            }
            host = rest.substring(1, close);
            if (close + 1 < rest.length()) {
                if (rest.charAt(close + 1) != ':') {
                    throw invalid(url, "unexpected text after the IPv6 literal");
                }
                portText = rest.substring(close + 2);
            }
        } else {
            int portColon = rest.lastIndexOf(':');
            host = portColon >= 0 ? rest.substring(0, portColon) : rest;
            portText = portColon >= 0 ? rest.substring(portColon + 1) : null;
        }
        if (host.isEmpty() || host.contains("/") || host.contains("@")) {
            throw invalid(url, "missing or malformed host");
        }
        int port = secure ? 5349 : 3478;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw invalid(url, "port '" + portText + "' is not a number");
            }
            if (port < 1 || port > 65535) {
                throw invalid(url, "port " + port + " is out of range");
            }
        }
        return new IceServerUrl(scheme, host, port, transport);
    }

    public boolean isTurn() {
        return scheme.startsWith("turn");
    }

    /**
     * How a TURN client reaches this server (RFC 7065 §3): {@code "udp"} for {@code turn:} without a transport or
     * with {@code transport=udp}, {@code "tcp"} for {@code turn:...?transport=tcp}, {@code "tls"} for {@code turns:}
     * without a transport or with {@code transport=tcp} (TLS over TCP), {@code "dtls"} for
     * {@code turns:...?transport=udp} (DTLS over UDP); null for STUN.
     */
    public String turnTransport() {
        if (!isTurn()) {
            return null;
        }
        if (scheme.equals("turns")) {
            return transport == null || transport.equals("tcp") ? "tls" : "dtls";
        }
        return transport == null ? "udp" : transport;
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("invalid ICE server URL '" + url + "': " + reason);
    }
}
