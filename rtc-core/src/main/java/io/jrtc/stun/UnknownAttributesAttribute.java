package io.jrtc.stun;

import java.util.ArrayList;
import java.util.List;

/** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the comprehension-required attribute types a 420 error did not know. */
public record UnknownAttributesAttribute(List<Integer> types) implements StunAttribute {
    public UnknownAttributesAttribute {
        types = List.copyOf(types);
        for (int t : types) {
            if (t < 0 || t > 0xFFFF) {
                throw new IllegalArgumentException("attribute type out of range: " + t);
            }
        }
    }

    public static UnknownAttributesAttribute decode(byte[] b, int off, int len) throws StunParseException {
        if (len % 2 != 0) {
            throw new StunParseException("UNKNOWN-ATTRIBUTES length is odd: " + len);
        }
        List<Integer> types = new ArrayList<>(len / 2);
        for (int i = 0; i < len; i += 2) {
            types.add(StunValues.u16(b, off + i));
        }
        return new UnknownAttributesAttribute(types);
    }

    @Override
    public int type() {
        return StunAttributeType.UNKNOWN_ATTRIBUTES;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        byte[] v = new byte[types.size() * 2];
        for (int i = 0; i < types.size(); i++) {
            StunValues.putU16(v, 2 * i, types.get(i));
        }
        return v;
    }
}
