package io.jrtc.spring.autoconfigure.cluster;

/**
 * An RFC 9457 problem document as text, for responses the routing gives in place of a controller's (whose
 * bodies are strings), with the {@code urn:jrtc:problem:} types the rest of the service uses.
 */
final class ProblemJson {
    private ProblemJson() {
    }

    static String of(int status, String type, String title, String detail) {
        return "{\"type\":\"urn:jrtc:problem:" + escape(type) + "\",\"title\":\"" + escape(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + escape(detail) + "\"}";
    }

    /** JSON string escaping (RFC 8259 section 7): quote, backslash and control characters. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
