package io.jrtc.rtp;

import java.util.Arrays;

/**
 * Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb-03 §2.2): an application layer PSFB message
 * with the identifier "REMB", a bitrate of {@code mantissa << exponent} bits per second (18-bit mantissa, 6-bit
 * exponent) and the SSRCs it applies to. Mantissa and exponent are kept as sent so packets re-encode exactly.
 */
public record ReceiverEstimatedMaxBitrate(int senderSsrc, int mediaSsrc, int exponent, int mantissa, int[] ssrcs)
        implements RtcpPacket {

    /** "REMB" in ASCII. */
    public static final int IDENTIFIER = 0x52454D42;
    private static final int MAX_MANTISSA = (1 << 18) - 1;

    public ReceiverEstimatedMaxBitrate {
        if (exponent < 0 || exponent > 63 || mantissa < 0 || mantissa > MAX_MANTISSA || ssrcs.length > 255) {
            throw new IllegalArgumentException("6-bit exponent, 18-bit mantissa, at most 255 SSRCs");
        }
        ssrcs = ssrcs.clone();
    }

    /** A REMB for {@code bitrate} bits per second with the smallest exponent that fits (so rounded down). */
    public static ReceiverEstimatedMaxBitrate of(int senderSsrc, long bitrate, int... ssrcs) {
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate is not negative");
        }
        int exponent = 0;
        while (bitrate >>> exponent > MAX_MANTISSA) {
            exponent++;
        }
        return new ReceiverEstimatedMaxBitrate(senderSsrc, 0, exponent, (int) (bitrate >>> exponent), ssrcs);
    }

    /** The bitrate in bits per second, saturating at Long.MAX_VALUE for the largest exponents. */
    public long bitrate() {
        return mantissa == 0 || Long.numberOfLeadingZeros(mantissa) > exponent ? (long) mantissa << exponent
                : Long.MAX_VALUE;
    }

    @Override
    public int packetType() {
        return RtcpHeader.PSFB;
    }

    @Override
    public int countOrFormat() {
        return RtcpHeader.FMT_APPLICATION_LAYER;
    }

    @Override
    public int length() {
        return RtcpHeader.packetLength(FeedbackHeader.LENGTH + 8 + 4 * ssrcs.length);
    }

    @Override
    public int encode(byte[] dst, int off) {
        FeedbackHeader.write(dst, off, senderSsrc, mediaSsrc);
        int at = off + HEADER_LENGTH + FeedbackHeader.LENGTH;
        WireBytes.put32(dst, at, IDENTIFIER);
        WireBytes.put32(dst, at + 4, (ssrcs.length << 24) | (exponent << 18) | mantissa);
        at += 8;
        for (int ssrc : ssrcs) {
            WireBytes.put32(dst, at, ssrc);
            at += 4;
        }
        return RtcpHeader.seal(dst, off, RtcpHeader.FMT_APPLICATION_LAYER, RtcpHeader.PSFB,
                at - off - HEADER_LENGTH);
    }

    static boolean isRemb(byte[] b, int off, int len) {
        return len >= FeedbackHeader.LENGTH + 4 && WireBytes.i32(b, off + FeedbackHeader.LENGTH) == IDENTIFIER;
    }

    static ReceiverEstimatedMaxBitrate parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(len >= FeedbackHeader.LENGTH + 8, "REMB shorter than its bitrate");
        int at = off + FeedbackHeader.LENGTH + 4;
        int count = WireBytes.u8(b, at);
        RtpParseException.require(len == FeedbackHeader.LENGTH + 8 + 4 * count, "REMB length does not match SSRCs");
        int[] ssrcs = new int[count];
        for (int i = 0; i < count; i++) {
            ssrcs[i] = WireBytes.i32(b, at + 4 + 4 * i);
        }
        int bitrateField = WireBytes.u24(b, at + 1);
        return new ReceiverEstimatedMaxBitrate(FeedbackHeader.senderSsrc(b, off), FeedbackHeader.mediaSsrc(b, off),
                bitrateField >>> 18, bitrateField & MAX_MANTISSA, ssrcs);
    }

    @Override
    public String toString() {
        return "ReceiverEstimatedMaxBitrate[sender=" + Integer.toUnsignedString(senderSsrc) + ", bitrate="
                + bitrate() + ", ssrcs=" + Arrays.toString(ssrcs) + "]";
    }
}
