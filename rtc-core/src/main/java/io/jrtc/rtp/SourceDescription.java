package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/** Source description (RFC 3550 §6.5): up to 31 chunks of items about SSRCs and CSRCs; CNAME is the one used. */
public record SourceDescription(List<SdesChunk> chunks) implements RtcpPacket {

    public SourceDescription {
        chunks = List.copyOf(chunks);
        RtcpHeader.requireCount(chunks.size(), "SDES chunks");
    }

    /** The one-chunk SDES every RTCP compound packet carries (RFC 3550 §6.1): the sender's CNAME. */
    public static SourceDescription ofCname(int ssrc, String cname) {
        return new SourceDescription(List.of(new SdesChunk(ssrc, List.of(SdesItem.cname(cname)))));
    }

    @Override
    public int packetType() {
        return RtcpHeader.SDES;
    }

    @Override
    public int countOrFormat() {
        return chunks.size();
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(bodyLength());
    }

    private int bodyLength() {
        int length = 0;
        for (SdesChunk chunk : chunks) {
            length += chunk.length();
        }
        return length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int at = off + HEADER_LENGTH;
        for (SdesChunk chunk : chunks) {
            at += chunk.encode(dst, at);
        }
        return RtcpHeader.seal(dst, off, chunks.size(), RtcpHeader.SDES, bodyLength());
    }

    static SourceDescription parse(int count, byte[] b, int off, int len) throws RtpParseException {
        List<SdesChunk> chunks = new ArrayList<>(count);
        int[] next = {off};
        for (int i = 0; i < count; i++) {
            chunks.add(SdesChunk.parse(b, next[0], off + len, next));
        }
        RtpParseException.require(next[0] == off + len, "SDES bytes after the last chunk");
        return new SourceDescription(chunks);
    }
}
