package io.jrtc.codec;

/**
 * Audio formats whose every RTP packet is one whole frame (Opus, RFC 7587 §4.2; G.711, RFC 3551 §4.5.14): each
 * packet starts and ends a frame, and a frame is its one payload.
 */
abstract class OnePacketPerFrame implements Depacketizer {
    private final String formatName;

    OnePacketPerFrame(String formatName) {
        this.formatName = formatName;
    }

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        CodecParseException.require(payload != null && off >= 0 && len >= 0 && len <= payload.length - off,
                "payload slice outside the buffer");
        return FRAME_START | FRAME_END;
    }

    /** Every audio packet decodes on its own. */
    @Override
    public boolean startsKeyframe(byte[] payload, int off, int len) {
        return payload != null && off >= 0 && len >= 0 && len <= payload.length - off;
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        CodecParseException.require(packets.size() == 1, "a " + formatName + " frame is exactly one RTP packet");
        byte[] frame = new byte[packets.length(0)];
        System.arraycopy(packets.payload(0), 0, frame, 0, frame.length);
        return frame;
    }
}
