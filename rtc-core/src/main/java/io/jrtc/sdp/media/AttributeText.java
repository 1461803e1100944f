package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;
import io.jrtc.sdp.SdpSyntax;

/**
 * Grammar pieces shared by the typed media attribute parsers (RFC 8866 §9): fields split on single spaces,
 * bounded decimals and token checks, all failing with {@link SdpParseException} that quotes the attribute.
 */
final class AttributeText {
    private AttributeText() {
    }

    static SdpParseException error(String name, String value, String reason) {
        return new SdpParseException(0, "a=" + name + (value == null ? "" : ":" + value), "a=" + name + " " + reason);
    }

    static void requireValue(String name, String value) throws SdpParseException {
        if (value == null || value.isEmpty()) {
            throw error(name, value, "needs a value");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw error(name, value, "contains a CR, LF or NUL character");
            }
        }
    }

    /**
     * Splits on single spaces; doubled, leading or trailing spaces are errors. Values from a model arrive with
     * single spaces already ({@code io.jrtc.sdp} canonicalizes them on entry), so only direct callers see this.
     */
    static String[] fields(String name, String value) throws SdpParseException {
        requireValue(name, value);
        String[] parts = value.split(" ", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                throw error(name, value, "has an empty field (stray space)");
            }
        }
        return parts;
    }

    /** A decimal in [min, max]; leading zeros allowed, signs and overlong numbers not. */
    static long number(String name, String value, String text, long min, long max, String what)
            throws SdpParseException {
        if (text.isEmpty() || text.length() > 19) {
            throw error(name, value, what + " must be a number from " + min + " to " + max);
        }
        long result = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw error(name, value, what + " must be a number from " + min + " to " + max);
            }
            result = result * 10 + (c - '0');
            if (result > max) {
                throw error(name, value, what + " must be a number from " + min + " to " + max);
            }
        }
        if (result < min) {
            throw error(name, value, what + " must be a number from " + min + " to " + max);
        }
        return result;
    }

    static int payloadType(String name, String value, String text) throws SdpParseException {
        return (int) number(name, value, text, 0, 127, "payload type");
    }

    /** RFC 8866 token-char: visible ASCII except the separators. */
    static boolean isToken(String s) {
        return SdpSyntax.isToken(s);
    }

    /** Non-empty visible text without spaces (RFC 8866 non-ws-string). */
    static boolean isNonWhitespace(String s) {
        return SdpSyntax.isNonWhitespace(s);
    }

    static String requireToken(String name, String value, String text, String what) throws SdpParseException {
        if (!isToken(text)) {
            throw error(name, value, what + " is not a token");
        }
        return text;
    }

    /** For constructors: IllegalArgumentException on text that could not be written back on one line. */
    static String checkLineText(String text, String what) {
        return SdpSyntax.requireLineText(text, what);
    }

    static String checkToken(String text, String what) {
        return SdpSyntax.requireToken(text, what);
    }

    static int checkPayloadType(int payloadType) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be from 0 to 127: " + payloadType);
        }
        return payloadType;
    }
}
