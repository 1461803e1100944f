package io.jrtc.sctp.wire;

import java.util.List;

/**
 * ABORT (RFC 9260 §3.3.7). With the T bit ({@code reflectedTag}) the packet carries the receiver's own tag
 * rather than the peer's.
 */
public record AbortChunk(boolean reflectedTag, List<ErrorCause> causes) implements Chunk {

    public AbortChunk {
        causes = List.copyOf(causes);
    }

    @Override
    public int type() {
        return ChunkType.ABORT;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + ErrorCause.listLength(causes);
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.ABORT, reflectedTag ? 1 : 0, length);
        ErrorCause.encodeList(causes, dst, off + 4);
        return length;
    }

    public static AbortChunk parse(int flags, byte[] b, int off, int len) throws SctpParseException {
        return new AbortChunk((flags & 1) != 0, ErrorCause.parseList(b, off, len));
    }

    /** The causes' descriptions joined, for reporting to the user. */
    public String describe() {
        if (causes.isEmpty()) {
            return "aborted by peer";
        }
        StringBuilder sb = new StringBuilder();
        for (ErrorCause c : causes) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(c.describe());
        }
        return sb.toString();
    }
}
