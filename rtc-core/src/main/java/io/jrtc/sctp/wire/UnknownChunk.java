package io.jrtc.sctp.wire;

import java.util.Arrays;

/** A chunk of a type this implementation does not process; kept whole so it can be reported (RFC 9260 §3.2). */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + value.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, type, flags, length);
        System.arraycopy(value, 0, dst, off + 4, value.length);
        return length;
    }

    public static UnknownChunk parse(int type, int flags, byte[] b, int off, int len) {
        return new UnknownChunk(type, flags, Arrays.copyOfRange(b, off, off + len));
    }
}
