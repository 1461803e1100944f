package io.jrtc.sctp.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** RE-CONFIG (RFC 6525 §3.1): one or two re-configuration requests and/or responses. */
public record ReConfigChunk(List<ReConfigParameter> parameters) implements Chunk {

    public ReConfigChunk {
        parameters = List.copyOf(parameters);
    }

    @Override
    public int type() {
        return ChunkType.RE_CONFIG;
    }

    @Override
    public int length() {
        int total = Chunk.HEADER_LENGTH;
        for (int i = 0; i < parameters.size(); i++) {
            int len = parameters.get(i).length();
            total += i == parameters.size() - 1 ? len : NetworkBytes.padded(len);
        }
        return total;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int length = length();
        ChunkType.writeHeader(dst, off, ChunkType.RE_CONFIG, 0, length);
        int at = off + Chunk.HEADER_LENGTH;
        for (int i = 0; i < parameters.size(); i++) {
            int len = parameters.get(i).encode(dst, at);
            int step = i == parameters.size() - 1 ? len : NetworkBytes.padded(len);
            Arrays.fill(dst, at + len, at + step, (byte) 0);
            at += step;
        }
        return length;
    }

    public static ReConfigChunk parse(byte[] b, int off, int len) throws SctpParseException {
        List<ReConfigParameter> params = new ArrayList<>(2);
        int at = off;
        int end = off + len;
        while (end - at >= 4) {
            int type = NetworkBytes.u16(b, at);
            int plen = NetworkBytes.u16(b, at + 2);
            SctpParseException.require(plen >= 4 && plen <= end - at, "bad RE-CONFIG parameter length");
            params.add(ReConfigParameter.parse(type, b, at + 4, plen - 4));
            at += Math.min(NetworkBytes.padded(plen), end - at);
        }
        SctpParseException.require(at == end && !params.isEmpty(), "bad RE-CONFIG chunk");
        return new ReConfigChunk(params);
    }
}
