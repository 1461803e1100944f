package io.jrtc.rtp;

import java.util.Arrays;

/**
 * The common RTCP header (RFC 3550 §6.4.1) and packet types. Bodies whose length is not a multiple of 4 are
 * padded with the P bit and a trailing count byte (RFC 3550 §6.4.1), as transport-wide CC feedback needs.
 */
public final class RtcpHeader {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    public static final int APP = 204;
    /** Transport layer feedback (RFC 4585 §6.1). */
    public static final int RTPFB = 205;
    /** Payload-specific feedback (RFC 4585 §6.1). */
    public static final int PSFB = 206;

    /** RTPFB FMT values: generic NACK (RFC 4585 §6.2.1) and transport-wide CC (draft-holmer §3.1). */
    public static final int FMT_NACK = 1;
    public static final int FMT_TRANSPORT_WIDE_CC = 15;
    /** PSFB FMT values: PLI (RFC 4585 §6.3.1), FIR (RFC 5104 §4.3.1), application layer feedback (§6.4). */
    public static final int FMT_PLI = 1;
    public static final int FMT_FIR = 4;
    public static final int FMT_APPLICATION_LAYER = 15;

    private RtcpHeader() {
    }

    /** Encoded length of a packet whose body is {@code bodyLength} bytes. */
    public static int packetLength(int bodyLength) {
        return RtcpPacket.HEADER_LENGTH + WireBytes.padded(bodyLength);
    }

    /**
     * Writes the header at {@code off} of a packet whose body of {@code bodyLength} bytes is already at
     * {@code off + 4}, plus the padding it needs; returns the packet length.
     */
    static int seal(byte[] dst, int off, int countOrFormat, int packetType, int bodyLength) {
        int length = packetLength(bodyLength);
        int padding = length - RtcpPacket.HEADER_LENGTH - bodyLength;
        dst[off] = (byte) ((RtpHeader.VERSION << 6) | (padding > 0 ? 0x20 : 0) | (countOrFormat & 0x1F));
        dst[off + 1] = (byte) packetType;
        WireBytes.put16(dst, off + 2, length / 4 - 1);
        if (padding > 0) {
            Arrays.fill(dst, off + length - padding, off + length - 1, (byte) 0);
            dst[off + length - 1] = (byte) padding;
        }
        return length;
    }

    static void requireCount(int count, String what) {
        if (count > 31) {
            throw new IllegalArgumentException("at most 31 " + what + " fit one packet");
        }
    }

    static void requireWords(byte[] data, String what) {
        if ((data.length & 3) != 0) {
            throw new IllegalArgumentException(what + " must be whole 32-bit words");
        }
    }
}
