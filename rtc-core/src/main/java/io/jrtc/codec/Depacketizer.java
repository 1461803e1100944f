package io.jrtc.codec;

/**
 * What the {@link FrameAssembler} needs to know about one RTP payload format: per packet, whether it surely starts
 * a frame, ends one regardless of the marker bit, or carries a keyframe; per frame, how its payloads join into
 * the codec bitstream. Implementations are stateless, so one instance may serve many streams.
 */
public interface Depacketizer {
    /** The packet surely begins a frame (e.g. VP8 S=1 with PID 0, RFC 7741 §4.2). */
    int FRAME_START = 1;
    /** The packet ends its frame even without the marker bit (e.g. Opus, one frame per packet, RFC 7587 §4.2). */
    int FRAME_END = 2;
    /** The packet shows that its frame decodes on its own (VP8 P=0, H.264 IDR slice). */
    int KEYFRAME = 4;

    /** Validates one payload and returns its {@code FRAME_START}/{@code FRAME_END}/{@code KEYFRAME} bits. */
    int inspect(byte[] payload, int off, int len) throws CodecParseException;

    /**
     * Whether a forwarder waiting for a keyframe may start at this packet: it is the first packet of a frame that
     * decodes on its own. Never throws; malformed payloads are not keyframe starts. By default a packet that
     * both {@code FRAME_START}s and shows a {@code KEYFRAME}; every audio packet, since each decodes alone.
     */
    default boolean startsKeyframe(byte[] payload, int off, int len) {
        try {
            int both = FRAME_START | KEYFRAME;
            return (inspect(payload, off, len) & both) == both;
        } catch (CodecParseException malformed) {
            return false;
        }
    }

    /** Joins the payloads of one frame's packets, first to last, into the codec bitstream. */
    byte[] assemble(PacketRun packets) throws CodecParseException;
}
