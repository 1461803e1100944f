package io.jrtc.net;

import java.nio.charset.StandardCharsets;

/**
 * Reads the receiver's username fragment out of a STUN Binding request without parsing the rest: what a shared port
 * needs to find the connection a peer's first check is for. A check's USERNAME is "RFRAG:LFRAG" (RFC 8445 §7.2.2),
 * RFRAG being the ufrag of the agent it is sent to. Nothing is verified here; the connection's agent checks
 * MESSAGE-INTEGRITY as for any request.
 */
final class StunUfrag {
    private static final int HEADER = 20;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int BINDING_REQUEST = 0x0001;
    private static final int USERNAME = 0x0006;
    /** RFC 8489 §14.3: USERNAME is at most 513 bytes. */
    private static final int MAX_USERNAME = 513;

    private StunUfrag() {
    }

    /**
     * The part of USERNAME before its colon, when {@code data} is a well-framed STUN Binding request (RFC 8489 §5,
     * §6) with a USERNAME holding one; null for anything else.
     */
    static String receiverUfrag(byte[] data, int length) {
        if (length < HEADER || (data[0] & 0xC0) != 0 || u16(data, 0) != BINDING_REQUEST
                || u32(data, 4) != MAGIC_COOKIE) {
            return null;
        }
        int bodyLength = u16(data, 2);
        if ((bodyLength & 3) != 0 || HEADER + bodyLength > length) {
            return null;
        }
        int end = HEADER + bodyLength;
        int at = HEADER;
        while (at + 4 <= end) {
            int type = u16(data, at);
            int valueLength = u16(data, at + 2);
            int value = at + 4;
            if (value + valueLength > end) {
                return null;
            }
            if (type == USERNAME) {
                return valueLength > MAX_USERNAME ? null : beforeColon(data, value, valueLength);
            }
            at = value + ((valueLength + 3) & ~3);
        }
        return null;
    }

    private static String beforeColon(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == ':') {
                return i == offset ? null : new String(data, offset, i - offset, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static int u16(byte[] data, int at) {
        return (data[at] & 0xFF) << 8 | data[at + 1] & 0xFF;
    }

    private static int u32(byte[] data, int at) {
        return u16(data, at) << 16 | u16(data, at + 2);
    }
}
