package io.jrtc.rtp;

/**
 * One RTCP packet of a compound packet (RFC 3550 §6.1): a 4-byte header (version, padding bit, a 5-bit count or
 * feedback message type, packet type, length in 32-bit words minus one) and a body. Each implementation has a
 * symmetric codec: {@link RtcpCompound#parse} of what {@link #encode} wrote yields an equal packet.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        ApplicationDefined, GenericNack, TransportWideFeedback, PictureLossIndication, FullIntraRequest,
        ReceiverEstimatedMaxBitrate, UnknownRtcpPacket {

    int HEADER_LENGTH = 4;

    /** The packet type byte (RFC 3550 §12.1, RFC 4585 §6.1). */
    int packetType();

    /** The 5-bit field after the padding bit: a count (RC, SC) or a feedback message type (FMT). */
    int countOrFormat();

    /** Encoded length, header and any padding included; a multiple of 4. */
    int length();

    /** Writes the whole packet at {@code off}; returns {@link #length()}. */
    int encode(byte[] dst, int off);

    /** Encodes into a fresh array; for tests and control paths. */
    default byte[] toBytes() {
        byte[] out = new byte[length()];
        encode(out, 0);
        return out;
    }
}
