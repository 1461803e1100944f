package io.jrtc.sdp.media;

import io.jrtc.sdp.SdpParseException;

/**
 * {@code a=extmap:<id>["/"<direction>] <URI> [<extension attributes>]} (RFC 8285 §8). Ids 1-14 fit the one-byte
 * header form, 16-255 need the two-byte form, 4096-4351 are offered for the answerer to renumber (RFC 8285 §7).
 * {@code direction} and {@code attributes} are null when absent; attributes are kept verbatim.
 */
public record ExtMap(int id, Direction direction, String uri, String attributes) {
    public static final String NAME = "extmap";

    public ExtMap {
        if (!validId(id)) {
            throw new IllegalArgumentException("extmap id must be 1-14, 16-255 or 4096-4351: " + id);
        }
        if (!AttributeText.isNonWhitespace(uri)) {
            throw new IllegalArgumentException("extmap URI must be non-empty text without spaces: '" + uri + "'");
        }
        if (attributes != null) {
            AttributeText.checkLineText(attributes, "extmap attributes");
            if (attributes.isEmpty() || attributes.startsWith(" ") || attributes.endsWith(" ")
                    || attributes.contains("  ")) {
                throw new IllegalArgumentException("extmap attributes have stray spaces");
            }
        }
    }

    public ExtMap(int id, String uri) {
        this(id, null, uri, null);
    }

    static boolean validId(int id) {
        return (id >= 1 && id <= 14) || (id >= 16 && id <= 255) || (id >= 4096 && id <= 4351);
    }

    public static ExtMap parse(String value) throws SdpParseException {
        String[] f = AttributeText.fields(NAME, value);
        if (f.length < 2) {
            throw AttributeText.error(NAME, value, "needs <id>[/<direction>] <URI>");
        }
        String idText = f[0];
        Direction direction = null;
        int slash = idText.indexOf('/');
        if (slash >= 0) {
            direction = Direction.fromAttributeName(idText.substring(slash + 1));
            if (direction == null) {
                throw AttributeText.error(NAME, value, "has an unknown direction");
            }
            idText = idText.substring(0, slash);
        }
        int id = (int) AttributeText.number(NAME, value, idText, 1, 4351, "id");
        if (!validId(id)) {
            throw AttributeText.error(NAME, value, "id must be 1-14, 16-255 or 4096-4351");
        }
        if (!AttributeText.isNonWhitespace(f[1])) {
            throw AttributeText.error(NAME, value, "URI is malformed");
        }
        String attributes = f.length > 2 ? value.substring(f[0].length() + f[1].length() + 2) : null;
        return new ExtMap(id, direction, f[1], attributes);
    }

    public String toValue() {
        return id + (direction == null ? "" : "/" + direction.attributeName()) + " " + uri
                + (attributes == null ? "" : " " + attributes);
    }
}
