package io.jrtc.sdp;

import java.util.Set;

/**
 * Value grammars of the attributes this package gives typed access to, checked when an attribute enters a model
 * (by parsing or by the API) so that typed accessors never see malformed values.
 */
final class AttributeRules {
    private static final Set<String> SETUP_ROLES = Set.of("active", "passive", "actpass", "holdconn");

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
            case "mid", "ice-ufrag", "ice-pwd" -> {
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
