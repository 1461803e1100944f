package io.jrtc.sctp.wire;

/** SHUTDOWN (RFC 9260 §3.3.8): starts graceful close and acknowledges data up to a cumulative TSN. */
public record ShutdownChunk(int cumulativeTsnAck) implements Chunk {

    @Override
    public int type() {
        return ChunkType.SHUTDOWN;
    }

    @Override
    public int length() {
        return 8;
    }

    @Override
    public int encode(byte[] dst, int off) {
        ChunkType.writeHeader(dst, off, ChunkType.SHUTDOWN, 0, 8);
        NetworkBytes.put32(dst, off + 4, cumulativeTsnAck);
        return 8;
    }

    public static ShutdownChunk parse(byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(len >= 4, "SHUTDOWN too short");
        return new ShutdownChunk(NetworkBytes.i32(b, off));
    }
}
