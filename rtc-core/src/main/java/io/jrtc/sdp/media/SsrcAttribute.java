package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 §4.1), e.g. "1234 cname:abc" or "1234 msid:s t".
 * {@code value} is null for a property attribute and otherwise the rest of the line verbatim.
 */
public record SsrcAttribute(long ssrc, String attribute, String value) {
    public static final String NAME = "ssrc";
    static final long MAX_SSRC = 0xFFFF_FFFFL;

    public SsrcAttribute {
        checkSsrc(ssrc);
        AttributeText.checkToken(attribute, "ssrc attribute name");
        if (value != null) {
            AttributeText.checkLineText(value, "ssrc attribute value");
        }
    }

    static long checkSsrc(long ssrc) {
        if (ssrc < 0 || ssrc > MAX_SSRC) {
            throw new IllegalArgumentException("ssrc must be a 32-bit unsigned number: " + ssrc);
        }
        return ssrc;
    }

    public static SsrcAttribute parse(String value) throws SdpParseException {
        AttributeText.requireValue(NAME, value);
        int space = value.indexOf(' ');
        if (space <= 0 || space == value.length() - 1) {
            throw AttributeText.error(NAME, value, "needs <ssrc> <attribute>[:<value>]");
        }
        long ssrc = AttributeText.number(NAME, value, value.substring(0, space), 0, MAX_SSRC, "ssrc");
        String rest = value.substring(space + 1);
        int colon = rest.indexOf(':');
        String attribute = colon < 0 ? rest : rest.substring(0, colon);
        AttributeText.requireToken(NAME, value, attribute, "attribute name");
        return new SsrcAttribute(ssrc, attribute, colon < 0 ? null : rest.substring(colon + 1));
    }

    public String toValue() {
        return ssrc + " " + attribute + (value == null ? "" : ":" + value);
    }
}
