package io.jrtc.rtp;

import java.util.Arrays;
import java.util.List;

/**
 * Sender report (RFC 3550 §6.4.1): sender info (NTP and RTP timestamps of one instant, packet and octet counts)
 * and up to 31 report blocks, then any profile-specific extension kept verbatim.
 */
public record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount, int octetCount,
                           List<ReportBlock> reportBlocks, byte[] profileExtension) implements RtcpPacket {

    private static final int SENDER_INFO_LENGTH = 24;

    public SenderReport {
        reportBlocks = List.copyOf(reportBlocks);
        RtcpHeader.requireCount(reportBlocks.size(), "report blocks");
        RtcpHeader.requireWords(profileExtension, "profile extension");
    }

    public SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, int packetCount, int octetCount,
                        List<ReportBlock> reportBlocks) {
        this(ssrc, ntpTimestamp, rtpTimestamp, packetCount, octetCount, reportBlocks, new byte[0]);
    }

    @Override
    public int packetType() {
        return RtcpHeader.SR;
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
        return SENDER_INFO_LENGTH + ReportBlock.LENGTH * reportBlocks.size() + profileExtension.length;
    }

    @Override
    public int encode(byte[] dst, int off) {
        int at = off + HEADER_LENGTH;
        WireBytes.put32(dst, at, ssrc);
        WireBytes.put64(dst, at + 4, ntpTimestamp);
        WireBytes.put32(dst, at + 12, rtpTimestamp);
        WireBytes.put32(dst, at + 16, packetCount);
        WireBytes.put32(dst, at + 20, octetCount);
        at += SENDER_INFO_LENGTH;
        at += ReportBlock.encodeAll(reportBlocks, dst, at);
        System.arraycopy(profileExtension, 0, dst, at, profileExtension.length);
        return RtcpHeader.seal(dst, off, countOrFormat(), RtcpHeader.SR, bodyLength());
    }

    static SenderReport parse(int count, byte[] b, int off, int len) throws RtpParseException {
        int blocksEnd = SENDER_INFO_LENGTH + ReportBlock.LENGTH * count;
        RtpParseException.require(len >= blocksEnd, "SR shorter than its report blocks");
        RtpParseException.require(((len - blocksEnd) & 3) == 0, "SR profile extension not whole words");
        return new SenderReport(WireBytes.i32(b, off), WireBytes.i64(b, off + 4), WireBytes.i32(b, off + 12),
                WireBytes.i32(b, off + 16), WireBytes.i32(b, off + 20),
                ReportBlock.parseAll(count, b, off + SENDER_INFO_LENGTH),
                Arrays.copyOfRange(b, off + blocksEnd, off + len));
    }
}
