package io.jrtc.sctp.wire;

import java.util.List;

/** HEARTBEAT (RFC 9260 §3.3.5): one Heartbeat Info parameter, opaque to the receiver, echoed back in the ACK. */
public record HeartbeatChunk(byte[] info) implements Chunk {

    @Override
    public int type() {
        return ChunkType.HEARTBEAT;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + 4 + info.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        return encodeInfo(ChunkType.HEARTBEAT, info, dst, off);
    }

    public static HeartbeatChunk parse(byte[] b, int off, int len) throws SctpParseException {
        return new HeartbeatChunk(parseInfo(b, off, len));
    }

    static int encodeInfo(int type, byte[] info, byte[] dst, int off) {
        int length = Chunk.HEADER_LENGTH + 4 + info.length;
        ChunkType.writeHeader(dst, off, type, 0, length);
        new Parameter(Parameter.HEARTBEAT_INFO, info).encode(dst, off + 4);
        return length;
    }

    static byte[] parseInfo(byte[] b, int off, int len) throws SctpParseException {
        List<Parameter> params = Parameter.parseList(b, off, len);
        Parameter info = Parameter.find(params, Parameter.HEARTBEAT_INFO);
        SctpParseException.require(info != null, "heartbeat without Heartbeat Info");
        return info.value();
    }
}
