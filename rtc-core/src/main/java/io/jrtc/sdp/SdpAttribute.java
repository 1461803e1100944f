package io.jrtc.sdp;

import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute {@code name} (value null) or a value attribute
 * {@code name:value}. The value is kept verbatim, leading spaces included, so unknown attributes round-trip.
 */
public record SdpAttribute(String name, String value) {

    public SdpAttribute {
        Objects.requireNonNull(name, "name");
        SdpSyntax.requireToken(name, "attribute name");
        if (value != null) {
            SdpSyntax.requireLineText(value, "attribute value");
        }
    }

    /** A property (flag) attribute such as {@code a=rtcp-mux}. */
    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, null);
    }

    /** Parses the text after {@code a=}: the name runs to the first colon. */
    static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new SdpAttribute(text, null);
        }
        return new SdpAttribute(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
