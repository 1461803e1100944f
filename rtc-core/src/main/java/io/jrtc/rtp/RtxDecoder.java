package io.jrtc.rtp;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * Restores original RTP packets from received RTX packets (RFC 4588 §4): the media SSRC and payload type
 * associated with the RTX payload type ({@code apt}, §8.1) replace the RTX ones, the first two payload bytes
 * become the sequence number again, and the rest is the original payload; header fields, CSRCs and extensions
 * are kept, RTX padding dropped. Packets from the network never throw: ones that are not RTX of this stream or
 * too short (e.g. padding-only probes with no original sequence number) are counted and return null.
 */
public final class RtxDecoder {
    private static final Logger LOG = System.getLogger(RtxDecoder.class.getName());

    private final int mediaSsrc;
    private final Map<Integer, Integer> mediaPayloadTypeByRtxPayloadType;
    private final RtpHeaderWriter writer = new RtpHeaderWriter();
    private long packetsDropped;

    /** A decoder for RTX of {@code mediaSsrc}; the map takes each RTX payload type to its media payload type. */
    public RtxDecoder(int mediaSsrc, Map<Integer, Integer> mediaPayloadTypeByRtxPayloadType) {
        this.mediaSsrc = mediaSsrc;
        this.mediaPayloadTypeByRtxPayloadType = Map.copyOf(mediaPayloadTypeByRtxPayloadType);
    }

    /** The original packet carried by the RTX packet of {@code len} bytes at {@code off}, or null (dropped). */
    public byte[] unwrap(byte[] rtx, int off, int len) {
        RtpHeader header;
        try {
            header = RtpHeader.parse(rtx, off, len);
        } catch (RtpParseException e) {
            return drop("unparseable RTX packet: " + e.getMessage());
        }
        return unwrap(header);
    }

    /** The original packet carried by a parsed RTX packet, or null (dropped). */
    public byte[] unwrap(RtpHeader rtx) {
        Integer mediaPayloadType = mediaPayloadTypeByRtxPayloadType.get(rtx.payloadType());
        if (mediaPayloadType == null) {
            return drop("RTX payload type " + rtx.payloadType() + " not associated with a media payload type");
        }
        if (rtx.payloadLength() < RtxEncoder.ORIGINAL_SEQUENCE_NUMBER_LENGTH) {
            return drop("RTX payload without an original sequence number");
        }
        int originalSequenceNumber = WireBytes.u16(rtx.buffer(), rtx.payloadOffset());
        writer.copyFrom(rtx).payloadType(mediaPayloadType).ssrc(mediaSsrc).sequenceNumber(originalSequenceNumber);
        int payloadLength = rtx.payloadLength() - RtxEncoder.ORIGINAL_SEQUENCE_NUMBER_LENGTH;
        byte[] original = new byte[writer.packetLength(payloadLength, 0)];
        writer.write(original, 0, rtx.buffer(), rtx.payloadOffset() + RtxEncoder.ORIGINAL_SEQUENCE_NUMBER_LENGTH,
                payloadLength, 0);
        return original;
    }

    private byte[] drop(String why) {
        packetsDropped++;
        LOG.log(Level.DEBUG, why);
        return null;
    }

    /** RTX packets dropped as malformed or not of this stream. */
    public long packetsDropped() {
        return packetsDropped;
    }
}
