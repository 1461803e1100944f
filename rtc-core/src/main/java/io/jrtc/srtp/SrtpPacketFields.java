package io.jrtc.srtp;

/**
 * The few RTP (RFC 3550 §5.1) and RTCP (RFC 3550 §6.4) header fields SRTP needs, read straight from the buffer
 * without allocating, plus the SRTCP trailer word (RFC 3711 §3.4). Everything else about the packets is opaque here.
 */
final class SrtpPacketFields {
    static final int RTP_FIXED_HEADER = 12;
    /** SRTCP encrypts everything after the first 8 bytes: the common header and the sender SSRC (§3.4). */
    static final int RTCP_CLEAR_PREFIX = 8;

    private SrtpPacketFields() {
    }

    /**
     * Length of the RTP header including CSRCs and the header extension, which SRTP leaves unencrypted.
     *
     * @param length bytes of the packet that may hold the header (the tag excluded)
     */
    static int rtpHeaderLength(byte[] packet, int offset, int length) throws SrtpException {
        if (length < RTP_FIXED_HEADER) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP packet of " + length + " bytes");
        }
        int first = packet[offset] & 0xFF;
        if (first >>> 6 != 2) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP version " + (first >>> 6));
        }
        int headerLength = RTP_FIXED_HEADER + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (headerLength + 4 > length) {
                throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP header extension past the end");
            }
            headerLength += 4 + 4 * readU16(packet, offset + headerLength + 2);
        }
        if (headerLength > length) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTP header of " + headerLength
                    + " bytes in " + length);
        }
        return headerLength;
    }

    static int rtpSequenceNumber(byte[] packet, int offset) {
        return readU16(packet, offset + 2);
    }

    static int rtpSsrc(byte[] packet, int offset) {
        return readU32(packet, offset + 8);
    }

    /** Checks the RTCP version and that the clear prefix fits in {@code length}. */
    static void checkRtcpHeader(byte[] packet, int offset, int length) throws SrtpException {
        if (length < RTCP_CLEAR_PREFIX) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTCP packet of " + length + " bytes");
        }
        if ((packet[offset] & 0xFF) >>> 6 != 2) {
            throw new SrtpException(SrtpException.Reason.MALFORMED, "RTCP version " + ((packet[offset] & 0xFF) >>> 6));
        }
    }

    /** The SSRC of the sender of the first packet of a compound RTCP packet. */
    static int rtcpSenderSsrc(byte[] packet, int offset) {
        return readU32(packet, offset + 4);
    }

    static int readU16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    static int readU32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    static void writeU32(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }
}
