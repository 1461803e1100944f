package io.jrtc.sctp.wire;

/** SHUTDOWN COMPLETE (RFC 9260 §3.3.13); the T bit says the packet carries the receiver's own tag. */
public record ShutdownCompleteChunk(boolean reflectedTag) implements Chunk {

    @Override
    public int type() {
        return ChunkType.SHUTDOWN_COMPLETE;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH;
    }

    @Override
    public int encode(byte[] dst, int off) {
        ChunkType.writeHeader(dst, off, ChunkType.SHUTDOWN_COMPLETE, reflectedTag ? 1 : 0, 4);
        return 4;
    }
}
