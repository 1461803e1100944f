package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=rid:<rid id> <send|recv> [<restrictions>]} (RFC 8851 §10), parsed and kept for simulcast; the
 * restrictions ("pt=96;max-width=1280") are kept verbatim, null when absent.
 */
public record Rid(String id, boolean send, String restrictions) {
    public static final String NAME = "rid";

    public Rid {
        if (!validId(id)) {
            throw new IllegalArgumentException("rid id must be letters, digits, '-' or '_': '" + id + "'");
        }
        if (restrictions != null && !AttributeText.isNonWhitespace(restrictions)) {
            throw new IllegalArgumentException("rid restrictions must be text without spaces");
        }
    }

    /** RFC 8851 §10: rid-id = 1*(alpha-numeric / "-" / "_"). */
    static boolean validId(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static Rid parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length < 2 || f.length > 3 || !validId(f[0]) || !(f[1].equals("send") || f[1].equals("recv"))) {
            throw AttributeText.error(NAME, value, "needs <rid id> <send|recv> [<restrictions>]");
        }
        return new Rid(f[0], f[1].equals("send"), f.length == 3 ? f[2] : null);
    }

    public String toValue() {
        return id + (send ? " send" : " recv") + (restrictions == null ? "" : " " + restrictions);
    }
}
