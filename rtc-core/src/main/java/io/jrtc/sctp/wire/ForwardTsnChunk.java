package io.jrtc.sctp.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * FORWARD TSN (RFC 3758 §3.2): moves the receiver's cumulative TSN past abandoned data, and for ordered streams
 * names the last skipped stream sequence number.
 */
public record ForwardTsnChunk(int newCumulativeTsn, List<SkippedStream> skippedStreams) implements Chunk {

    /** An ordered stream and the largest stream sequence number being skipped on it. */
    public record SkippedStream(int streamId, int ssn) {
    }

    public ForwardTsnChunk {
        skippedStreams = List.copyOf(skippedStreams);
    }

    @Override
    public int type() {
        return ChunkType.FORWARD_TSN;
    }

    @Override
    public int length() {
        return 8 + 4 * skippedStreams.size();
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.FORWARD_TSN, 0, length);
        NetworkBytes.put32(dst, off + 4, newCumulativeTsn);
        int at = off + 8;
        for (SkippedStream s : skippedStreams) {
            NetworkBytes.put16(dst, at, s.streamId());
            NetworkBytes.put16(dst, at + 2, s.ssn());
            at += 4;
        }
        return length;
    }

    public static ForwardTsnChunk parse(byte[] b, int off, int len) throws SctpParseException {
        SctpParseException.require(len >= 4 && (len & 3) == 0, "bad FORWARD TSN length");
        List<SkippedStream> skipped = new ArrayList<>((len - 4) / 4);
        for (int at = off + 4; at < off + len; at += 4) {
            skipped.add(new SkippedStream(NetworkBytes.u16(b, at), NetworkBytes.u16(b, at + 2)));
        }
        return new ForwardTsnChunk(NetworkBytes.i32(b, off), skipped);
    }
}
