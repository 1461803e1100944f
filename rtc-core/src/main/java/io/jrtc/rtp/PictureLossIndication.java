package io.jrtc.rtp;

/** Picture loss indication (RFC 4585 §6.3.1): a PSFB message with no FCI asking the sender for a key frame. */
public record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {

    @Override
    public int packetType() {
        return RtcpHeader.PSFB;
    }

    @Override
    public int countOrFormat() {
        return RtcpHeader.FMT_PLI;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(FeedbackHeader.LENGTH);
    }

    @Override
    public int encode(byte[] dst, int off) {
        FeedbackHeader.write(dst, off, senderSsrc, mediaSsrc);
        return RtcpHeader.seal(dst, off, RtcpHeader.FMT_PLI, RtcpHeader.PSFB, FeedbackHeader.LENGTH);
    }

    static PictureLossIndication parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(len == FeedbackHeader.LENGTH, "PLI is exactly two SSRCs");
        return new PictureLossIndication(FeedbackHeader.senderSsrc(b, off), FeedbackHeader.mediaSsrc(b, off));
    }
}
