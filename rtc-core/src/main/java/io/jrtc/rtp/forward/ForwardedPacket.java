package io.jrtc.rtp.forward;

import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.Depacketizer;
import io.jrtc.codec.Vp8PayloadFormat;
import io.jrtc.rtp.RtpHeader;

/**
 * One publisher packet on its way to every viewer: a private copy of the plain RTP packet (the receive buffer is
 * reused), read once for what each viewer's {@link ForwardingStream} decides on: whether it starts a frame or a
 * keyframe, which simulcast layer it belongs to and, for VP8, the descriptor's picture id, TL0PICIDX and temporal
 * layer (RFC 7741 §4.2) with where they lie. Immutable once made, so viewers on any thread share it.
 */
public final class ForwardedPacket {
    /** A field the packet does not carry. */
    public static final int ABSENT = -1;

    private final byte[] data;
    private final long arrival;
    private final int layer;
    private final int payloadOffset;
    private final int payloadLength;
    private final boolean frameStart;
    private final boolean keyframe;
    private final Vp8Fields vp8;

    /** Where the VP8 descriptor's fields are, relative to the payload start, and their values. */
    record Vp8Fields(int pictureId, int pictureIdBits, int pictureIdAt, int tl0PicIdx, int tl0At,
            int temporalLayer, boolean layerSync) {
        static final Vp8Fields NONE = new Vp8Fields(ABSENT, 0, ABSENT, ABSENT, ABSENT, ABSENT, false);
    }

    private ForwardedPacket(byte[] data, long arrival, int layer, int payloadOffset, int payloadLength,
            boolean frameStart, boolean keyframe, Vp8Fields vp8) {
        this.data = data;
        this.arrival = arrival;
        this.layer = layer;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.frameStart = frameStart;
        this.keyframe = keyframe;
        this.vp8 = vp8;
    }

    /**
     * Copies a received packet. {@code format} tells frame starts and keyframes of a video codec; null for audio,
     * whose every packet stands alone. Returns null for a payload its format refuses, and for a packet without
     * payload (padding sent to probe bandwidth): neither is forwarded.
     */
    public static ForwardedPacket copyOf(RtpHeader packet, long arrival, int layer, Depacketizer format) {
        int payloadLength = packet.payloadLength();
        if (payloadLength <= 0) {
            return null;
        }
        int headerLength = packet.payloadOffset() - packet.offset();
        byte[] data = new byte[headerLength + payloadLength];
        System.arraycopy(packet.buffer(), packet.offset(), data, 0, data.length);
        data[0] &= (byte) 0xDF;  // the padding is not copied
        boolean start = true;
        boolean key = true;
        Vp8Fields vp8 = Vp8Fields.NONE;
        if (format != null) {
            try {
                start = (format.inspect(data, headerLength, payloadLength) & Depacketizer.FRAME_START) != 0;
                // not inspect's KEYFRAME: an H.264 or H.265 keyframe starts at the parameter sets, which carry
                // no IDR slice, and its IDR slice does not start the access unit
                key = format.startsKeyframe(data, headerLength, payloadLength);
                if (format instanceof Vp8PayloadFormat) {
                    vp8 = vp8Fields(data, headerLength, payloadLength);
                }
            } catch (CodecParseException malformed) {
                return null;
            }
        }
        return new ForwardedPacket(data, arrival, layer, headerLength, payloadLength, start, key, vp8);
    }

    /** The optional fields of a VP8 payload descriptor, where they lie (RFC 7741 §4.2). */
    private static Vp8Fields vp8Fields(byte[] b, int off, int len) {
        if ((b[off] & 0x80) == 0 || len < 2) {
            return Vp8Fields.NONE;
        }
        int x = b[off + 1] & 0xFF;
        int at = 2;
        int pictureId = ABSENT;
        int bits = 0;
        int pictureIdAt = ABSENT;
        if ((x & 0x80) != 0) {
            pictureIdAt = at;
            if ((b[off + at] & 0x80) != 0) {
                pictureId = (b[off + at] & 0x7F) << 8 | b[off + at + 1] & 0xFF;
                bits = 15;
                at += 2;
            } else {
                pictureId = b[off + at] & 0x7F;
                bits = 7;
                at++;
            }
        }
        int tl0 = ABSENT;
        int tl0At = ABSENT;
        if ((x & 0x40) != 0) {
            tl0At = at;
            tl0 = b[off + at++] & 0xFF;
        }
        int tid = ABSENT;
        boolean sync = false;
        if ((x & 0x20) != 0) {
            tid = (b[off + at] & 0xFF) >>> 6;
            sync = (b[off + at] & 0x20) != 0;
        }
        return new Vp8Fields(pictureId, bits, pictureIdAt, tl0, tl0At, tid, sync);
    }

    /** The plain RTP packet, header as the publisher wrote it, without padding; do not modify. */
    byte[] data() {
        return data;
    }

    /** When it arrived, in the receiving clock's nanoseconds. */
    public long arrival() {
        return arrival;
    }

    /** The simulcast layer it belongs to: 0 for the lowest or only one. */
    public int layer() {
        return layer;
    }

    public int payloadType() {
        return data[1] & 0x7F;
    }

    public int sequenceNumber() {
        return (data[2] & 0xFF) << 8 | data[3] & 0xFF;
    }

    public int timestamp() {
        return int32(4);
    }

    public int ssrc() {
        return int32(8);
    }

    private int int32(int at) {
        return (data[at] & 0xFF) << 24 | (data[at + 1] & 0xFF) << 16 | (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
    }

    public boolean marker() {
        return (data[1] & 0x80) != 0;
    }

    int payloadOffset() {
        return payloadOffset;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Whether this packet surely begins a frame. */
    public boolean frameStart() {
        return frameStart;
    }

    /**
     * Whether a viewer may start at this packet: the first packet of a frame that decodes on its own (for H.264
     * and H.265 the one bringing the parameter sets); every audio packet is.
     */
    public boolean keyframe() {
        return keyframe;
    }

    Vp8Fields vp8() {
        return vp8;
    }

    /** The VP8 temporal layer (TID), or {@link #ABSENT}. */
    public int temporalLayer() {
        return vp8.temporalLayer();
    }
}
