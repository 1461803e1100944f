package io.jrtc.rtp;

import java.util.Map;

/**
 * Wraps RTP packets for retransmission on a separate RTX stream (RFC 4588 §4, session multiplexing): the RTX
 * packet copies the original's marker, timestamp, CSRCs and header extensions, and takes the RTX payload type
 * associated with the original's ({@code apt}, §8.1), the RTX SSRC and the RTX stream's own sequence numbers;
 * its payload is the original sequence number (2 bytes, §4) followed by the original payload. The original's
 * padding is not carried. One encoder per RTX stream; its header writer is reused.
 */
public final class RtxEncoder {
    /** Length of the original sequence number field that starts an RTX payload. */
    public static final int ORIGINAL_SEQUENCE_NUMBER_LENGTH = 2;

    private final int rtxSsrc;
    private final Map<Integer, Integer> rtxPayloadTypeByMediaPayloadType;
    private final RtpHeaderWriter writer = new RtpHeaderWriter();
    private int nextSequenceNumber;

    /**
     * An RTX stream with SSRC {@code rtxSsrc} whose first packet gets {@code firstSequenceNumber}; the map takes
     * each media payload type to its RTX payload type.
     */
    public RtxEncoder(int rtxSsrc, Map<Integer, Integer> rtxPayloadTypeByMediaPayloadType, int firstSequenceNumber) {
        this.rtxSsrc = rtxSsrc;
        this.rtxPayloadTypeByMediaPayloadType = Map.copyOf(rtxPayloadTypeByMediaPayloadType);
        this.nextSequenceNumber = firstSequenceNumber & 0xFFFF;
    }

    /** The sequence number the next RTX packet gets. */
    public int nextSequenceNumber() {
        return nextSequenceNumber;
    }

    /** Takes the next sequence number for an RTX packet written elsewhere (padding-only, for probing). */
    public int takeSequenceNumber() {
        int taken = nextSequenceNumber;
        nextSequenceNumber = SequenceNumbers.add(nextSequenceNumber, 1);
        return taken;
    }

    /** The RTX payload type for media payload type {@code mediaPayloadType}, or -1 when it has none. */
    public int rtxPayloadType(int mediaPayloadType) {
        Integer rtx = rtxPayloadTypeByMediaPayloadType.get(mediaPayloadType);
        return rtx == null ? -1 : rtx;
    }

    /** Length of the RTX packet {@link #wrap} makes of {@code original}: 2 bytes more, less its padding. */
    public static int wrappedLength(RtpHeader original) {
        return original.length() - original.paddingLength() + ORIGINAL_SEQUENCE_NUMBER_LENGTH;
    }

    /**
     * Writes the RTX packet for {@code original} at {@code dstOff} (room for {@link #wrappedLength} bytes) and
     * returns its length.
     *
     * @throws IllegalArgumentException when the original's payload type has no RTX payload type
     */
    public int wrap(RtpHeader original, byte[] dst, int dstOff) {
        Integer rtxPayloadType = rtxPayloadTypeByMediaPayloadType.get(original.payloadType());
        if (rtxPayloadType == null) {
            throw new IllegalArgumentException("no RTX payload type for " + original.payloadType());
        }
        writer.copyFrom(original).payloadType(rtxPayloadType).ssrc(rtxSsrc).sequenceNumber(nextSequenceNumber);
        nextSequenceNumber = SequenceNumbers.add(nextSequenceNumber, 1);
        int at = dstOff + writer.writeHeader(dst, dstOff, false);
        WireBytes.put16(dst, at, original.sequenceNumber());
        at += ORIGINAL_SEQUENCE_NUMBER_LENGTH;
        System.arraycopy(original.buffer(), original.payloadOffset(), dst, at, original.payloadLength());
        return at + original.payloadLength() - dstOff;
    }

    /**
     * The RTX packet for the RTP packet of {@code len} bytes at {@code off}, in a new array.
     *
     * @throws IllegalArgumentException when the bytes are not RTP or the payload type has no RTX payload type
     */
    public byte[] wrap(byte[] original, int off, int len) {
        RtpHeader header;
        try {
            header = RtpHeader.parse(original, off, len);
        } catch (RtpParseException e) {
            throw new IllegalArgumentException("not an RTP packet", e);
        }
        byte[] rtx = new byte[wrappedLength(header)];
        wrap(header, rtx, 0);
        return rtx;
    }
}
