package io.jrtc.rtp;

/** The common part of RTPFB/PSFB bodies (RFC 4585 §6.1): packet sender SSRC, then media source SSRC, then FCI. */
final class FeedbackHeader {
    static final int LENGTH = 8;

    private FeedbackHeader() {
    }

    static void write(byte[] dst, int packetOff, int senderSsrc, int mediaSsrc) {
        WireBytes.put32(dst, packetOff + RtcpPacket.HEADER_LENGTH, senderSsrc);
        WireBytes.put32(dst, packetOff + RtcpPacket.HEADER_LENGTH + 4, mediaSsrc);
    }

    static void require(int len, String what) throws RtpParseException {
        RtpParseException.require(len >= LENGTH, what + " shorter than its SSRCs");
    }

    static int senderSsrc(byte[] b, int bodyOff) {
        return WireBytes.i32(b, bodyOff);
    }

    static int mediaSsrc(byte[] b, int bodyOff) {
        return WireBytes.i32(b, bodyOff + 4);
    }
}
