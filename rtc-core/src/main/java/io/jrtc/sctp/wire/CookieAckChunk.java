package io.jrtc.sctp.wire;

/** COOKIE ACK (RFC 9260 §3.3.12): no value. */
public record CookieAckChunk() implements Chunk {

    @Override
    public int type() {
        return ChunkType.COOKIE_ACK;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH;
    }

    @Override
    public int encode(byte[] dst, int off) {
        ChunkType.writeHeader(dst, off, ChunkType.COOKIE_ACK, 0, 4);
        return 4;
    }
}
