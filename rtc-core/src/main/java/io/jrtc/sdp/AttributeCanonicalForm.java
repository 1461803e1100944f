package io.jrtc.sdp;

import java.util.Locale;
import java.util.Set;

/**
 * The one place where an {@code a=} line's name and value take their canonical form, for attributes parsed and
 * built alike, so that what we accept liberally is written strictly (RFC 8866 §5.13 grammar, RFC 1122 §1.2.2's
 * robustness principle as browsers apply it):
 * <ul>
 * <li>trailing spaces and tabs of any value go (they are invisible, and Pion 3.1 writes
 * {@code a=rtcp-fb:96 goog-remb } with one);</li>
 * <li>the attributes whose values are space-separated fields (RFC 8839, 8842, 8843, 4585, 4566 §6, 8285, 8830,
 * 8851, 8853, 5576, 8841) get their fields separated by single spaces, and their names in lower case where a stack
 * wrote another case;</li>
 * <li>every other attribute is kept verbatim, leading spaces included (Chrome writes {@code a=msid-semantic: WMS}).</li>
 * </ul>
 */
final class AttributeCanonicalForm {
    /** Attributes with space-separated field values (or flags) that this package or its users read. */
    static final Set<String> FIELD_ATTRIBUTES = Set.of("candidate", "remote-candidates", "end-of-candidates",
            "ice-ufrag", "ice-pwd", "ice-options", "ice-lite", "ice-mismatch", "fingerprint", "setup", "connection",
            "tls-id", "mid", "group", "bundle-only", "sctp-port", "max-message-size", "sctpmap", "rtcp", "rtcp-mux",
            "rtcp-mux-only", "rtcp-rsize", "rtpmap", "fmtp", "rtcp-fb", "extmap", "extmap-allow-mixed", "msid",
            "ssrc", "ssrc-group", "rid", "simulcast", "sendrecv", "sendonly", "recvonly", "inactive", "ptime",
            "maxptime", "framerate");

    private AttributeCanonicalForm() {
    }

    /** A known attribute name in lower case (e.g. {@code Candidate}); any other name unchanged. */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return FIELD_ATTRIBUTES.contains(lower) ? lower : name;
    }

    /** The value without trailing blanks; for a field attribute also without leading or repeated blanks. */
    static String value(String canonicalName, String value) {
        if (value == null) {
            return null;
        }
        return FIELD_ATTRIBUTES.contains(canonicalName) ? SdpSyntax.singleSpaced(value) : SdpSyntax.stripEnd(value);
    }
}
