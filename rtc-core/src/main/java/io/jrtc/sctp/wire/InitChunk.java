package io.jrtc.sctp.wire;

import java.util.List;

/** INIT (RFC 9260 §3.3.2): the initiator's tag, window, stream counts, initial TSN and optional parameters. */
public record InitChunk(int initiateTag, long advertisedReceiverWindowCredit, int outboundStreams,
                        int inboundStreams, int initialTsn, List<Parameter> parameters) implements Chunk {

    public InitChunk {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return ChunkType.INIT;
    }

    @Override
    public int length() {
        return InitFields.length(parameters);
    }

    @Override
    public int encode(byte[] dst, int off) {
        return InitFields.encode(ChunkType.INIT, initiateTag, advertisedReceiverWindowCredit, outboundStreams,
                inboundStreams, initialTsn, parameters, dst, off);
    }

    public static InitChunk parse(byte[] b, int off, int len) throws SctpParseException {
        InitFields.requireFixedPart(len);
        return new InitChunk(InitFields.tag(b, off), InitFields.window(b, off), InitFields.outbound(b, off),
                InitFields.inbound(b, off), InitFields.tsn(b, off), InitFields.parameters(b, off, len));
    }
}
