package io.jrtc.sctp.wire;

import java.util.Arrays;

/**
 * DATA (RFC 9260 §3.3.1) with the I bit of RFC 7053. TSN, stream sequence number and PPID are raw 32/16-bit
 * wire values.
 */
public record DataChunk(int tsn, int streamId, int ssn, int ppid, boolean unordered, boolean beginning,
                        boolean ending, boolean immediateAck, byte[] payload) implements Chunk {

    /** Chunk header plus TSN, stream id, SSN and PPID. */
    public static final int HEADER_LENGTH = 16;
    public static final int FLAG_ENDING = 0x01;
    public static final int FLAG_BEGINNING = 0x02;
    public static final int FLAG_UNORDERED = 0x04;
    public static final int FLAG_IMMEDIATE_ACK = 0x08;

    @Override
    public int type() {
        return ChunkType.DATA;
    }

    public int flags() {
        return (ending ? FLAG_ENDING : 0) | (beginning ? FLAG_BEGINNING : 0) | (unordered ? FLAG_UNORDERED : 0)
                | (immediateAck ? FLAG_IMMEDIATE_ACK : 0);
    }

    @Override
    public int length() {
        return HEADER_LENGTH + payload.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        return encode(dst, off, flags(), tsn, streamId, ssn, ppid, payload, 0, payload.length);
    }

    /** Writes a DATA chunk straight from a slice of a user message, without building a record. */
    public static int encode(byte[] dst, int off, int flags, int tsn, int streamId, int ssn, int ppid,
                             byte[] src, int srcOff, int len) {
        int length = HEADER_LENGTH + len;
        ChunkType.writeHeader(dst, off, ChunkType.DATA, flags, length);
        NetworkBytes.put32(dst, off + 4, tsn);
        NetworkBytes.put16(dst, off + 8, streamId);
        NetworkBytes.put16(dst, off + 10, ssn);
        NetworkBytes.put32(dst, off + 12, ppid);
        System.arraycopy(src, srcOff, dst, off + HEADER_LENGTH, len);
        return length;
    }

    /** Parses the value of a DATA chunk ({@code off} points after the chunk header); copies the payload. */
    public static DataChunk parse(int flags, byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(len >= HEADER_LENGTH - Chunk.HEADER_LENGTH, "DATA chunk too short");
        return new DataChunk(NetworkBytes.i32(b, off), NetworkBytes.u16(b, off + 4), NetworkBytes.u16(b, off + 6),
                NetworkBytes.i32(b, off + 8), (flags & FLAG_UNORDERED) != 0, (flags & FLAG_BEGINNING) != 0,
                (flags & FLAG_ENDING) != 0, (flags & FLAG_IMMEDIATE_ACK) != 0,
                Arrays.copyOfRange(b, off + 12, off + len));
    }
}
