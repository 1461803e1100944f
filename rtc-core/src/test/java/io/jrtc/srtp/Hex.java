package io.jrtc.srtp;

import java.util.HexFormat;

/** Hex literals for tests, whitespace ignored so RFC layouts can be pasted as they are printed. */
final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    static String of(byte[] bytes, int offset, int length) {
        return HexFormat.of().formatHex(bytes, offset, offset + length);
    }
}
