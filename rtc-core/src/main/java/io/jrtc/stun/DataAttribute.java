package io.jrtc.stun;

import java.util.Arrays;

/**
 * DATA (RFC 8656 §18.4): the application payload of a Send or Data indication, any length, padded on the wire like
 * every attribute value.
 */
public record DataAttribute(byte[] data) implements StunAttribute {
    public DataAttribute {
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("DATA value too long: " + data.length);
        }
        data = data.clone();
    }

    public static DataAttribute decode(byte[] b, int off, int len) {
        return new DataAttribute(Arrays.copyOfRange(b, off, off + len));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The payload's length, without copying it. */
    public int length() {
        return data.length;
    }

    @Override
    public int type() {
        return StunAttributeType.DATA;
    }

    @Override
    public byte[] encodeValue(byte[] transactionId) {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataAttribute d && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DataAttribute[" + data.length + " bytes]";
    }
}
