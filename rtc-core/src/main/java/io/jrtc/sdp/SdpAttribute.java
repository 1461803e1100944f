package io.jrtc.sdp;

import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute {@code name} (value null) or a value attribute
 * {@code name:value}, in canonical form ({@link AttributeCanonicalForm}): trailing blanks dropped, known attributes
 * with lower-case names and single-spaced fields. Other values are kept verbatim, leading spaces included, so
 * unknown attributes round-trip.
 */
public record SdpAttribute(String name, String value) {

    public SdpAttribute {
        Objects.requireNonNull(name, "name");
        SdpSyntax.requireToken(name, "attribute name");
        name = AttributeCanonicalForm.name(name);
        if (value != null) {
            SdpSyntax.requireLineText(value, "attribute value");
            value = AttributeCanonicalForm.value(name, value);
        }
    }

    /** A property (flag) attribute such as {@code a=rtcp-mux}. */
    public static SdpAttribute flag(String name) {
        return new SdpAttribute(name, null);
    }

    /** Parses the text after {@code a=}: the name runs to the first colon; blanks around the name are dropped. */
    static SdpAttribute parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new SdpAttribute(SdpSyntax.singleSpaced(text), null);
        }
        return new SdpAttribute(SdpSyntax.singleSpaced(text.substring(0, colon)), text.substring(colon + 1));
    }

    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
