package io.jrtc.sctp.wire;

/** HEARTBEAT ACK (RFC 9260 §3.3.6): the Heartbeat Info of the HEARTBEAT being answered, unchanged. */
public record HeartbeatAckChunk(byte[] info) implements Chunk {

    @Override
    public int type() {
        return ChunkType.HEARTBEAT_ACK;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + 4 + info.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        return HeartbeatChunk.encodeInfo(ChunkType.HEARTBEAT_ACK, info, dst, off);
    }

    public static HeartbeatAckChunk parse(byte[] b, int off, int len) throws SctpParseException {
        return new HeartbeatAckChunk(HeartbeatChunk.parseInfo(b, off, len));
    }
}
