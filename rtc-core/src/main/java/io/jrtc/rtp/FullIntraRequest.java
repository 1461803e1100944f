package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Full intra request (RFC 5104 §4.3.1): per requested media sender, its SSRC and a command sequence number that
 * increases with each new request. The media source SSRC of the common header is unused (§4.3.1.2) and 0.
 */
public record FullIntraRequest(int senderSsrc, int mediaSsrc, List<Entry> entries) implements RtcpPacket {

    private static final int ENTRY_LENGTH = 8;

    /** One FCI entry: the SSRC asked to send a decoder refresh point, and the 8-bit command sequence number. */
    public record Entry(int ssrc, int sequenceNumber) {
        public Entry {
            if ((sequenceNumber & ~0xFF) != 0) {
                throw new IllegalArgumentException("FIR sequence number is 8 bits");
            }
        }
    }

    public FullIntraRequest {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR holds at least one entry");
        }
    }

    @Override
    public int packetType() {
        return RtcpHeader.PSFB;
    }

    @Override
    public int countOrFormat() {
        return RtcpHeader.FMT_FIR;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(FeedbackHeader.LENGTH + ENTRY_LENGTH * entries.size());
    }

    @Override
    public int encode(byte[] dst, int off) {
        FeedbackHeader.write(dst, off, senderSsrc, mediaSsrc);
        int at = off + HEADER_LENGTH + FeedbackHeader.LENGTH;
        for (Entry entry : entries) {
            WireBytes.put32(dst, at, entry.ssrc());
            WireBytes.put32(dst, at + 4, entry.sequenceNumber() << 24);
            at += ENTRY_LENGTH;
        }
        return RtcpHeader.seal(dst, off, RtcpHeader.FMT_FIR, RtcpHeader.PSFB, at - off - HEADER_LENGTH);
    }

    /** The 24 reserved bits after each sequence number are ignored on receipt (§4.3.1.1). */
    static FullIntraRequest parse(byte[] b, int off, int len) throws RtpParseException {
        FeedbackHeader.require(len, "FIR");
        int fciLength = len - FeedbackHeader.LENGTH;
        RtpParseException.require(fciLength > 0 && fciLength % ENTRY_LENGTH == 0, "FIR FCI not whole entries");
        List<Entry> entries = new ArrayList<>(fciLength / ENTRY_LENGTH);
        for (int at = off + FeedbackHeader.LENGTH; at < off + len; at += ENTRY_LENGTH) {
            entries.add(new Entry(WireBytes.i32(b, at), WireBytes.u8(b, at + 4)));
        }
        return new FullIntraRequest(FeedbackHeader.senderSsrc(b, off), FeedbackHeader.mediaSsrc(b, off), entries);
    }
}
