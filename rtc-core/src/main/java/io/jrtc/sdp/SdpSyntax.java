package io.jrtc.sdp;

import java.util.List;

/**
 * The small grammar pieces of RFC 8866 §9 shared by the model's validation, the parser and the typed media
 * attributes of {@code io.jrtc.sdp.media}.
 */
public final class SdpSyntax {
    private SdpSyntax() {
    }

    /** RFC 8866 token-char: visible ASCII except the separators. */
    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A non-empty string without spaces or control characters (RFC 8866 non-ws-string). */
    public static boolean isNonWhitespace(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Parses a non-negative decimal that fits a long, or returns -1. */
    static long parseNonNegativeLong(String s) {
        if (!isDigits(s) || s.length() > 19) {
            return -1;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses a decimal in [0, max], or returns -1. */
    static int parseBounded(String s, int max) {
        long v = parseNonNegativeLong(s);
        return v < 0 || v > max ? -1 : (int) v;
    }

    /** SP or HTAB: the blanks a liberal parser lets separate fields (RFC 8866 §9 asks for exactly one SP). */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The text without trailing blanks. */
    static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** The text without leading or trailing blanks and with every run of blanks inside replaced by one SP. */
    static String singleSpaced(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isBlank(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Splits a field list on blanks, as browsers do: leading, trailing and repeated spaces or tabs separate fields
     * like one space (Pion 3.1 writes trailing spaces). An empty or blank list has no fields.
     */
    static String[] fields(String value, String what) {
        String canonical = singleSpaced(value);
        if (canonical.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        return canonical.split(" ", -1);
    }

    /** Text that can sit on one SDP line: no NUL, CR or LF (these would end or corrupt the line). */
    public static String requireLineText(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new IllegalArgumentException(what + " contains a CR, LF or NUL character");
            }
        }
        return value;
    }

    /** Free text for one line (i=, u=, e=, p=, z=, k=, r=, s=): checked as above, without trailing blanks. */
    static String lineText(String value, String what) {
        return stripEnd(requireLineText(value, what));
    }

    public static String requireToken(String value, String what) {
        if (!isToken(value)) {
            throw new IllegalArgumentException(what + " is not a valid token: '" + value + "'");
        }
        return value;
    }

    static List<String> requireLineTexts(List<String> values, String what) {
        for (String value : values) {
            requireLineText(value, what);
        }
        return List.copyOf(values);
    }

    /** c= value: nettype SP addrtype SP connection-address; returned with single spaces. */
    static String requireConnection(String value) {
        requireLineText(value, "c= value");
        String[] f = fields(value, "c= value");
        value = String.join(" ", f);
        if (f.length != 3) {
            throw new IllegalArgumentException("c= needs <nettype> <addrtype> <address>");
        }
        requireToken(f[0], "c= nettype");
        requireToken(f[1], "c= addrtype");
        if (!isNonWhitespace(f[2])) {
            throw new IllegalArgumentException("c= address is malformed");
        }
        return value;
    }

    /** b= value: bwtype ":" bandwidth; returned without surrounding blanks. */
    static String requireBandwidth(String value) {
        requireLineText(value, "b= value");
        value = singleSpaced(value);
        int colon = value.indexOf(':');
        if (colon < 0 || !isToken(value.substring(0, colon)) || !isDigits(value.substring(colon + 1))) {
            throw new IllegalArgumentException("b= needs <bwtype>:<bandwidth>");
        }
        return value;
    }
}
