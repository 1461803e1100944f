package io.jrtc.whip;

import io.jrtc.pc.RTCIceServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ICE servers from {@code Link: <url>; rel="ice-server"; username="..."; credential="..."} header values
 * (RFC 9725 section 4.6, RFC 8288 syntax). Links of other relations, and URLs that are not STUN or TURN, are
 * skipped; one header value may hold several comma-separated links.
 */
final class IceServerLinks {
    private IceServerLinks() {
    }

    static List<RTCIceServer> parse(List<String> headerValues) {
        List<RTCIceServer> servers = new ArrayList<>();
        for (String value : headerValues) {
            for (String link : splitLinks(value)) {
                RTCIceServer server = parseLink(link.strip());
                if (server != null) {
                    servers.add(server);
                }
            }
        }
        return servers;
    }

    private static RTCIceServer parseLink(String link) {
        int close = link.indexOf('>');
        if (!link.startsWith("<") || close < 0) {
            return null;
        }
        String url = link.substring(1, close).strip();
        Map<String, String> params = parameters(link.substring(close + 1));
        String lowerUrl = url.toLowerCase(java.util.Locale.ROOT);
        boolean iceUrl = lowerUrl.startsWith("stun:") || lowerUrl.startsWith("stuns:")
                || lowerUrl.startsWith("turn:") || lowerUrl.startsWith("turns:");
        if (!"ice-server".equalsIgnoreCase(params.get("rel")) || !iceUrl) {
            return null;
        }
        String credentialType = params.getOrDefault("credential-type", "password");
        return new RTCIceServer(List.of(url), params.get("username"), params.get("credential"), credentialType);
    }

    /** {@code ; name="value"} or {@code ; name=value} pairs, names lower-cased. */
    private static Map<String, String> parameters(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : splitOutsideQuotes(text, ';')) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = part.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT);
            String value = part.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Links are separated by commas outside quotes and angle brackets. */
    private static List<String> splitLinks(String value) {
        List<String> links = new ArrayList<>();
        boolean quoted = false;
        boolean inUrl = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && !inUrl && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                inUrl = true;
            } else if (c == '>' && !quoted) {
                inUrl = false;
            } else if (c == ',' && !quoted && !inUrl) {
                links.add(value.substring(start, i));
                start = i + 1;
            }
        }
        links.add(value.substring(start));
        return links;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
