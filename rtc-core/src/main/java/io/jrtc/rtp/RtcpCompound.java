package io.jrtc.rtp;

import java.util.ArrayList;
import java.util.List;

/**
 * Compound RTCP packets (RFC 3550 §6.1): RTCP packets back to back in one datagram. Parsing also accepts
 * reduced-size RTCP (RFC 5506 §3): a single packet of any type, no leading SR/RR required.
 */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /** Parses every packet in the {@code len} bytes at {@code off}; padding is removed before the body parser. */
    public static List<RtcpPacket> parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(WireBytes.fits(b, off, len), "slice outside the buffer");
        RtpParseException.require(len >= RtcpPacket.HEADER_LENGTH, "shorter than an RTCP header");
        List<RtcpPacket> packets = new ArrayList<>(2);
        int end = off + len;
        for (int at = off; at < end; ) {
            RtpParseException.require(end - at >= RtcpPacket.HEADER_LENGTH, "trailing bytes after the last packet");
            RtpParseException.require((b[at] & 0xFF) >>> 6 == RtpHeader.VERSION, "not RTCP version 2");
            int length = 4 * (WireBytes.u16(b, at + 2) + 1);
            RtpParseException.require(length <= end - at, "packet longer than the datagram");
            int bodyLength = length - RtcpPacket.HEADER_LENGTH;
            if ((b[at] & 0x20) != 0) {
                int padding = b[at + length - 1] & 0xFF;
                RtpParseException.require(padding >= 1 && padding <= bodyLength, "bad padding count");
                bodyLength -= padding;
            }
            packets.add(parsePacket(b[at] & 0x1F, b[at + 1] & 0xFF, b, at + RtcpPacket.HEADER_LENGTH, bodyLength));
            at += length;
        }
        return packets;
    }

    /** Parses one packet's body ({@code off}/{@code len} after the header, padding removed). */
    public static RtcpPacket parsePacket(int countOrFormat, int packetType, byte[] b, int off, int len)
            throws RtpParseException {
        RtpParseException.require(WireBytes.fits(b, off, len), "body outside the buffer");
        return switch (packetType) {
            case RtcpHeader.SR -> SenderReport.parse(countOrFormat, b, off, len);
            case RtcpHeader.RR -> ReceiverReport.parse(countOrFormat, b, off, len);
            case RtcpHeader.SDES -> SourceDescription.parse(countOrFormat, b, off, len);
            case RtcpHeader.BYE -> Goodbye.parse(countOrFormat, b, off, len);
            case RtcpHeader.APP -> ApplicationDefined.parse(countOrFormat, b, off, len);
            case RtcpHeader.RTPFB -> parseTransportFeedback(countOrFormat, b, off, len);
            case RtcpHeader.PSFB -> parsePayloadFeedback(countOrFormat, b, off, len);
            default -> UnknownRtcpPacket.parse(countOrFormat, packetType, b, off, len);
        };
    }

    private static RtcpPacket parseTransportFeedback(int format, byte[] b, int off, int len)
            throws RtpParseException {
        return switch (format) {
            case RtcpHeader.FMT_NACK -> GenericNack.parse(b, off, len);
            case RtcpHeader.FMT_TRANSPORT_WIDE_CC -> TransportWideFeedback.parse(b, off, len);
            default -> UnknownRtcpPacket.parse(format, RtcpHeader.RTPFB, b, off, len);
        };
    }

    private static RtcpPacket parsePayloadFeedback(int format, byte[] b, int off, int len)
            throws RtpParseException {
        if (format == RtcpHeader.FMT_PLI) {
            return PictureLossIndication.parse(b, off, len);
        }
        if (format == RtcpHeader.FMT_FIR) {
            return FullIntraRequest.parse(b, off, len);
        }
        if (format == RtcpHeader.FMT_APPLICATION_LAYER && ReceiverEstimatedMaxBitrate.isRemb(b, off, len)) {
            return ReceiverEstimatedMaxBitrate.parse(b, off, len);
        }
        return UnknownRtcpPacket.parse(format, RtcpHeader.PSFB, b, off, len);
    }

    /** Encoded length of {@code packets} back to back. */
    public static int length(List<? extends RtcpPacket> packets) {
        int total = 0;
        for (RtcpPacket p : packets) {
            total += p.length();
        }
        return total;
    }

    /** Writes {@code packets} back to back at {@code off}; returns the bytes written. */
    public static int encode(List<? extends RtcpPacket> packets, byte[] dst, int off) {
        int at = off;
        for (RtcpPacket p : packets) {
            at += p.encode(dst, at);
        }
        return at - off;
    }

    public static byte[] encode(List<? extends RtcpPacket> packets) {
        byte[] out = new byte[length(packets)];
        encode(packets, out, 0);
        return out;
    }
}
