package io.jrtc.sctp.wire;

import java.util.List;

/** INIT ACK (RFC 9260 §3.3.3): the INIT layout, whose parameters must include the State Cookie. */
public record InitAckChunk(int initiateTag, long advertisedReceiverWindowCredit, int outboundStreams,
                           int inboundStreams, int initialTsn, List<Parameter> parameters) implements Chunk {

    public InitAckChunk {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return ChunkType.INIT_ACK;
    }

    @Override
    public int length() {
        return InitFields.length(parameters);
    }

    @Override
    public int encode(byte[] dst, int off) {
        return InitFields.encode(ChunkType.INIT_ACK, initiateTag, advertisedReceiverWindowCredit, outboundStreams,
                inboundStreams, initialTsn, parameters, dst, off);
    }

    public static InitAckChunk parse(byte[] b, int off, int len) throws SctpParseException {
        InitFields.requireFixedPart(len);
        return new InitAckChunk(InitFields.tag(b, off), InitFields.window(b, off), InitFields.outbound(b, off),
                InitFields.inbound(b, off), InitFields.tsn(b, off), InitFields.parameters(b, off, len));
    }
}
