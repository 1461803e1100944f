package io.jrtc.rtp;

import java.util.Arrays;
import java.util.List;

/**
 * Receiver report (RFC 3550 §6.4.2): the reporter's SSRC and up to 31 report blocks, then any profile-specific
 * extension kept verbatim.
 */
public record ReceiverReport(int ssrc, List<ReportBlock> reportBlocks, byte[] profileExtension)
        implements RtcpPacket {

    public ReceiverReport {
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report blocks");
        RtcpHeader.requireWords(profileExtension, "profile extension");
    }

    public ReceiverReport(int ssrc, List<ReportBlock> reportBlocks) {
        this(ssrc, reportBlocks, new byte[0]);
    }

    @Override
    public int packetType() {
        return RtcpHeader.RR;
    }

    @Override
    public int countOrFormat() {
        return reportBlocks.size();
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(bodyLength());
    }

    private int bodyLength() {
        return 4 + ReportBlock.LENGTH * reportBlocks.size() + profileExtension.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int at = off + HEADER_LENGTH;
        WireBytes.put32(dst, at, ssrc);
        at += 4;
        at += ReportBlock.encodeAll(reportBlocks, dst, at);
        System.arraycopy(profileExtension, 0, dst, at, profileExtension.length);
        return RtcpHeader.seal(dst, off, countOrFormat(), RtcpHeader.RR, bodyLength());
    }

    static ReceiverReport parse(int count, byte[] b, int off, int len) throws RtpParseException {
        int blocksEnd = 4 + ReportBlock.LENGTH * count;
        RtpParseException.require(len >= blocksEnd, "RR shorter than its report blocks");
        RtpParseException.require(((len - blocksEnd) & 3) == 0, "RR profile extension not whole words");
        return new ReceiverReport(WireBytes.i32(b, off), ReportBlock.parseAll(count, b, off + 4),
                Arrays.copyOfRange(b, off + blocksEnd, off + len));
    }
}
