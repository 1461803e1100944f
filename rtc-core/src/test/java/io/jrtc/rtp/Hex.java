package io.jrtc.rtp;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    /** Hex digits with any whitespace and '|' field separators ignored. */
    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static String of(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }
}
