package io.jrtc.rtp;

import java.util.HexFormat;

/**
 * One RFC 8285 header extension element: a local identifier (1-14 in the one-byte form, 1-255 in the two-byte
 * form) and its value. Only the allocating convenience views use this; lookups on the packet path go through
 * {@link RtpHeader#extensionOffset(int)}.
 */
public record RtpHeaderExtension(int id, byte[] value) {

    public RtpHeaderExtension {
        if (id < 1 || id > 255 || value.length > 255) {
            throw new IllegalArgumentException("extension id must be 1-255 and its value at most 255 bytes");
        }
    }

    @Override
    public String toString() {
        return "RtpHeaderExtension[id=" + id + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
