package io.jrtc.sctp.wire;

import java.util.Arrays;

/** COOKIE ECHO (RFC 9260 §3.3.11): the State Cookie from the INIT ACK, returned verbatim. */
public record CookieEchoChunk(byte[] cookie) implements Chunk {

    @Override
    public int type() {
        return ChunkType.COOKIE_ECHO;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + cookie.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.COOKIE_ECHO, 0, length);
        System.arraycopy(cookie, 0, dst, off + 4, cookie.length);
        return length;
    }

    public static CookieEchoChunk parse(byte[] b, int off, int len) {
        return new CookieEchoChunk(Arrays.copyOfRange(b, off, off + len));
    }
}
