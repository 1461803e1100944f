package io.jrtc.sctp.wire;

import java.util.HexFormat;

final class Hex {
    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Parses a whole chunk (header included) the way a packet parser would. */
    static Chunk chunk(byte[] b) throws SctpParseException {
        return SctpPacket.parseChunk(b[0] & 0xFF, b[1] & 0xFF, b, 4, NetworkBytes.u16(b, 2) - 4);
    }
}
