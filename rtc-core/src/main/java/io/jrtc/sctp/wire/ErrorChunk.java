package io.jrtc.sctp.wire;

import java.util.List;

/** ERROR (RFC 9260 §3.3.10): reports conditions that do not end the association. */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {

    public ErrorChunk {
        causes = List.copyOf(causes);
    }

    @Override
    public int type() {
        return ChunkType.ERROR;
    }

    @Override
    public int length() {
        return Chunk.HEADER_LENGTH + ErrorCause.listLength(causes);
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.ERROR, 0, length);
        ErrorCause.encodeList(causes, dst, off + 4);
        return length;
    }

    public static ErrorChunk parse(byte[] b, int off, int len) throws SctpParseException {
        return new ErrorChunk(ErrorCause.parseList(b, off, len));
    }
}
