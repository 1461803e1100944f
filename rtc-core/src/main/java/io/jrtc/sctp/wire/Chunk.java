package io.jrtc.sctp.wire;

/**
 * An SCTP chunk (RFC 9260 §3.2): a type, flags and a length-prefixed value. Each implementation has a symmetric
 * codec: {@code parse} of what {@link #encode} wrote yields an equal chunk.
 */
public sealed interface Chunk permits DataChunk, InitChunk, InitAckChunk, SackChunk, HeartbeatChunk,
        HeartbeatAckChunk, AbortChunk, ShutdownChunk, ShutdownAckChunk, ErrorChunk, CookieEchoChunk, CookieAckChunk,
        ShutdownCompleteChunk, ForwardTsnChunk, ReConfigChunk, UnknownChunk {

    /** Length of the type, flags and length fields. */
    int HEADER_LENGTH = 4;

    int type();

    /** Encoded length including the chunk header, excluding the padding that follows the chunk. */
    int length();

    /** Writes header and value (no trailing padding) at {@code off}; returns {@link #length()}. */
    int encode(byte[] dst, int off);

    /** Encodes into a fresh array (padding excluded); convenient for tests and rare control chunks. */
    default byte[] toBytes() {
        byte[] out = new byte[length()];
        encode(out, 0);
        return out;
    }
}
