package io.jrtc.sctp.wire;

import java.util.List;

/** The fixed part shared by INIT and INIT ACK (RFC 9260 §3.3.2/§3.3.3): 16 bytes, then parameters. */
final class InitFields {
    static final int FIXED_LENGTH = 16;

    private InitFields() {
    }

    static int length(List<Parameter> parameters) {
        return Chunk.HEADER_LENGTH + FIXED_LENGTH + Parameter.listLength(parameters);
    }

    static int encode(int type, int tag, long window, int outbound, int inbound, int tsn, List<Parameter> parameters,
                      byte[] dst, int off) {
        int length = length(parameters);
        ChunkType.writeHeader(dst, off, type, 0, length);
        NetworkBytes.put32(dst, off + 4, tag);
        NetworkBytes.put32(dst, off + 8, window);
        NetworkBytes.put16(dst, off + 12, outbound);
        NetworkBytes.put16(dst, off + 14, inbound);
        NetworkBytes.put32(dst, off + 16, tsn);
        Parameter.encodeList(parameters, dst, off + 20);
        return length;
    }

    static void requireFixedPart(int len) throws SctpParseException {
        SctpParseException.require(len >= FIXED_LENGTH, "INIT chunk too short");
    }

    static int tag(byte[] b, int off) {
        return NetworkBytes.i32(b, off);
    }

    static long window(byte[] b, int off) {
        return NetworkBytes.u32(b, off + 4);
    }

    static int outbound(byte[] b, int off) {
        return NetworkBytes.u16(b, off + 8);
    }

    static int inbound(byte[] b, int off) {
        return NetworkBytes.u16(b, off + 10);
    }

    static int tsn(byte[] b, int off) {
        return NetworkBytes.i32(b, off + 12);
    }

    static List<Parameter> parameters(byte[] b, int off, int len) throws SctpParseException {
        return Parameter.parseList(b, off + FIXED_LENGTH, len - FIXED_LENGTH);
    }
}
