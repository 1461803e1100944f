package io.jrtc.codec;

/**
 * Depacketizes VP8 (RFC 7741): a frame is the payloads from the one whose descriptor has S = 1 and PID = 0
 * (§4.2) through the one with the marker bit (§4.1), each stripped of its descriptor. The frame is a keyframe
 * when the P bit, the lowest bit of the first byte of the VP8 payload header (§4.3), is 0.
 */
public final class Vp8PayloadFormat implements Depacketizer {
    /** The RTP timestamp rate of VP8, fixed by RFC 7741 §4.1. */
    public static final int CLOCK_RATE = 90_000;

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        int header = Vp8PayloadDescriptor.headerLength(payload, off, len);
        int first = payload[off] & 0xFF;
        boolean startsFrame = (first & 0x10) != 0 && (first & 0x07) == 0;
        if (!startsFrame) {
            return 0;
        }
        CodecParseException.require(len > header, "VP8 frame start without a payload header");
        boolean interframe = (payload[off + header] & 0x01) != 0;
        return FRAME_START | (interframe ? 0 : KEYFRAME);
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        CodecParseException.require((inspect(packets.payload(0), 0, packets.length(0)) & FRAME_START) != 0,
                "VP8 frame does not begin with S=1, PID=0");
        int total = 0;
        for (int i = 0; i < packets.size(); i++) {
            total += packets.length(i) - Vp8PayloadDescriptor.headerLength(packets.payload(i), 0, packets.length(i));
        }
        byte[] frame = new byte[total];
        int at = 0;
        for (int i = 0; i < packets.size(); i++) {
            int header = Vp8PayloadDescriptor.headerLength(packets.payload(i), 0, packets.length(i));
            int length = packets.length(i) - header;
            System.arraycopy(packets.payload(i), header, frame, at, length);
            at += length;
        }
        return frame;
    }

    /** Whether a VP8 frame is a keyframe: P = 0 in the first byte of its payload header (RFC 7741 §4.3). */
    public static boolean isKeyframe(byte[] frame, int off, int len) {
        return len >= 1 && (frame[off] & 0x01) == 0;
    }
}
