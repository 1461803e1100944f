package io.jrtc.sdp;

import java.util.Set;

/**
 * Value grammars of the attributes this package gives typed access to, checked when an attribute enters a model
 * (by parsing or by the API) so that typed accessors never see malformed values.
 */
final class AttributeRules {
    private static final Set<String> SETUP_ROLES = Set.of("active", "passive", "actpass", "holdconn");
    private static final int MAX_ICE_CREDENTIAL = 256;

    private AttributeRules() {
    }

    /** Throws IllegalArgumentException with the reason when the attribute's value breaks its grammar. */
    static void check(SdpAttribute a) {
        String v = a.value();
        switch (a.name()) {
            case "fingerprint" -> Fingerprint.parse(v);
            case "sctp-port" -> requireNumber(a, v, 65535);
            case "max-message-size" -> {
                if (v == null || SdpSyntax.parseNonNegativeLong(v) < 0) {
                    throw new IllegalArgumentException("max-message-size must be a non-negative decimal number");
                }
            }
            case "setup" -> {
                if (v == null || !SETUP_ROLES.contains(v)) {
                    throw new IllegalArgumentException("setup must be active, passive, actpass or holdconn");
                }
            }
            case "ice-ufrag" -> requireIceChars(a, v, 4);
            case "ice-pwd" -> requireIceChars(a, v, 22);
            case "mid" -> {
                if (!SdpSyntax.isNonWhitespace(v)) {
                    throw new IllegalArgumentException(a.name() + " needs a value without spaces");
                }
            }
            case "candidate", "ice-options", "group" -> {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException(a.name() + " needs a value");
                }
            }
            case "sctpmap" -> checkSctpmap(v);
            default -> {
                // Unknown and unvalidated attributes are kept verbatim.
            }
        }
    }

    /**
     * RFC 8839 §5.4: {@code ice-ufrag = 4*256ice-char}, {@code ice-pwd = 22*256ice-char}, where
     * {@code ice-char = ALPHA / DIGIT / "+" / "/"}. The upper bound also keeps a peer's ufrag from inflating every
     * connectivity check we send (it is copied into each USERNAME).
     */
    private static void requireIceChars(SdpAttribute a, String v, int min) {
        if (v == null || v.length() < min || v.length() > MAX_ICE_CREDENTIAL || !isIceChars(v)) {
            throw new IllegalArgumentException(a.name() + " must be " + min + " to " + MAX_ICE_CREDENTIAL
                    + " ice-chars (letters, digits, '+' or '/'; RFC 8839 section 5.4), found "
                    + (v == null ? "none" : v.length() + " characters"));
        }
    }

    private static boolean isIceChars(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean iceChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!iceChar) {
                return false;
            }
        }
        return true;
    }

    private static void requireNumber(SdpAttribute a, String v, int max) {
        if (v == null || SdpSyntax.parseBounded(v, max) < 0) {
            throw new IllegalArgumentException(a.name() + " must be a decimal number up to " + max);
        }
    }

    /** Legacy draft-ietf-mmusic-sctp-sdp-05 form still sent by aiortc 1.4: "5000 webrtc-datachannel 65535". */
    private static void checkSctpmap(String v) {
        if (v == null) {
            throw new IllegalArgumentException("sctpmap needs a value");
        }
        String[] f = SdpSyntax.fields(v, "sctpmap");
        if (f.length < 2 || f.length > 3 || SdpSyntax.parseBounded(f[0], 65535) < 0 || !SdpSyntax.isToken(f[1])
                || (f.length == 3 && !SdpSyntax.isDigits(f[2]))) {
            throw new IllegalArgumentException("sctpmap needs <port> <protocol> [<streams>]");
        }
    }
}
