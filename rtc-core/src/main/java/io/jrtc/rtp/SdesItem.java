package io.jrtc.rtp;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** One SDES item (RFC 3550 §6.5): a type 1-255 and up to 255 bytes of (normally UTF-8) text. */
public record SdesItem(int type, byte[] value) {
    public static final int CNAME = 1;
    public static final int NAME = 2;
    public static final int EMAIL = 3;
    public static final int PHONE = 4;
    public static final int LOC = 5;
    public static final int TOOL = 6;
    public static final int NOTE = 7;
    public static final int PRIV = 8;

    public SdesItem {
        if (type < 1 || type > 255 || value.length > 255) {
            throw new IllegalArgumentException("an SDES item is type 1-255 with at most 255 bytes");
        }
    }

    public static SdesItem cname(String cname) {
        return new SdesItem(CNAME, cname.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SdesItem[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
