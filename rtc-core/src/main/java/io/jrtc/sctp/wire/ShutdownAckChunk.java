package io.jrtc.sctp.wire;

/** SHUTDOWN ACK (RFC 9260 §3.3.9): no value. */
public record ShutdownAckChunk() implements Chunk {

    @Override
    public int type() {
        return ChunkType.SHUTDOWN_ACK;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH;
    }

    @Override
    public int encode(byte[] dst, int off) {
        ChunkType.writeHeader(dst, off, ChunkType.SHUTDOWN_ACK, 0, 4);
        return 4;
    }
}
