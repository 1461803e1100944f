package io.jrtc.sctp.wire;

import java.util.Arrays;

/**
 * SACK (RFC 9260 §3.3.4). Gap Ack Blocks are kept as a flat array of (start, end) offsets relative to the
 * cumulative TSN ack, so the hot path handles them without one object per block.
 */
public record SackChunk(int cumulativeTsnAck, long advertisedReceiverWindowCredit, int[] gapAckBlocks,
                        int[] duplicateTsns) implements Chunk {

    public static final int FIXED_LENGTH = 16;

    public SackChunk {
        if ((gapAckBlocks.length & 1) != 0) {
            throw new IllegalArgumentException("gap ack blocks come in (start, end) pairs");
        }
    }

    public int gapAckBlockCount() {
        return gapAckBlocks.length / 2;
    }

    public int gapStart(int i) {
        return gapAckBlocks[2 * i];
    }

    public int gapEnd(int i) {
        return gapAckBlocks[2 * i + 1];
    }

    @Override
    public int type() {
        return ChunkType.SACK;
    }

    @Override
    public int length() {
        return FIXED_LENGTH + 2 * gapAckBlocks.length + 4 * duplicateTsns.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.SACK, 0, length);
        NetworkBytes.put32(dst, off + 4, cumulativeTsnAck);
        NetworkBytes.put32(dst, off + 8, advertisedReceiverWindowCredit);
        NetworkBytes.put16(dst, off + 12, gapAckBlocks.length / 2);
        NetworkBytes.put16(dst, off + 14, duplicateTsns.length);
        int at = off + FIXED_LENGTH;
        for (int v : gapAckBlocks) {
            NetworkBytes.put16(dst, at, v);
            at += 2;
        }
        for (int tsn : duplicateTsns) {
            NetworkBytes.put32(dst, at, tsn);
            at += 4;
        }
        return length;
    }

    public static SackChunk parse(byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(len >= FIXED_LENGTH - Chunk.HEADER_LENGTH, "SACK too short");
        int blocks = NetworkBytes.u16(b, off + 8);
        int dups = NetworkBytes.u16(b, off + 10);
        SctpParseException.require(len >= 12 + 4 * blocks + 4 * dups, "SACK shorter than its counts");
        int[] gaps = new int[2 * blocks];
        int at = off + 12;
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = NetworkBytes.u16(b, at);
            at += 2;
        }
        int[] dupTsns = new int[dups];
        for (int i = 0; i < dups; i++) {
            dupTsns[i] = NetworkBytes.i32(b, at);
            at += 4;
        }
        return new SackChunk(NetworkBytes.i32(b, off), NetworkBytes.u32(b, off + 4), gaps, dupTsns);
    }

    @Override
    public String toString() {
        return "SackChunk[cumAck=" + Integer.toUnsignedString(cumulativeTsnAck) + ", a_rwnd="
                + advertisedReceiverWindowCredit + ", gaps=" + Arrays.toString(gapAckBlocks) + ", dups="
                + Arrays.toString(duplicateTsns) + "]";
    }
}
