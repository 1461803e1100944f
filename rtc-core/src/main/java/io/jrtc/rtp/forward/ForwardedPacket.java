package io.jrtc.rtp.forward;

import io.jrtc.codec.CodecParseException;
import io.jrtc.codec.Depacketizer;
import io.jrtc.rtp.RtpHeader;

/**
 * One publisher packet on its way to every viewer: a private copy of the plain RTP packet (the receive buffer is
 * reused), read once for what each viewer's {@link ForwardingStream} decides on: whether it starts a frame or a
 * keyframe, which simulcast layer it belongs to and, for VP8 and VP9, the descriptor's picture numbering
 * ({@link PictureNumbering}). Immutable once made, so viewers on any thread share it.
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
    private final PictureNumbering numbering;
    /** Where the AV1 dependency descriptor's value lies in {@link #data}, and its length; ABSENT without one. */
    private final int dependencyDescriptorAt;
    private final int dependencyDescriptorLength;

    private ForwardedPacket(byte[] data, long arrival, int layer, int payloadOffset, int payloadLength,
            boolean frameStart, boolean keyframe, PictureNumbering numbering, int dependencyDescriptorAt,
            int dependencyDescriptorLength) {
        this.data = data;
        this.arrival = arrival;
        this.layer = layer;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
        this.frameStart = frameStart;
        this.keyframe = keyframe;
        this.numbering = numbering;
        this.dependencyDescriptorAt = dependencyDescriptorAt;
        this.dependencyDescriptorLength = dependencyDescriptorLength;
    }

    /**
     * Copies a received packet. {@code format} tells frame starts and keyframes of a video codec; null for audio,
     * whose every packet stands alone. Returns null for a payload its format refuses, and for a packet without
     * payload (padding sent to probe bandwidth): neither is forwarded.
     */
    public static ForwardedPacket copyOf(RtpHeader packet, long arrival, int layer, Depacketizer format) {
        return copyOf(packet, arrival, layer, format, ABSENT);
    }

    /**
     * Copies a received packet whose AV1 dependency descriptor, if any, is header extension element
     * {@code dependencyDescriptorId} as the publisher negotiated it ({@link #ABSENT}: none negotiated).
     */
    public static ForwardedPacket copyOf(RtpHeader packet, long arrival, int layer, Depacketizer format,
            int dependencyDescriptorId) {
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
        PictureNumbering numbering = PictureNumbering.NONE;
        if (format != null) {
            try {
                start = (format.inspect(data, headerLength, payloadLength) & Depacketizer.FRAME_START) != 0;
                // not inspect's KEYFRAME: an H.264 or H.265 keyframe starts at the parameter sets, which carry
                // no IDR slice, and its IDR slice does not start the access unit
                key = format.startsKeyframe(data, headerLength, payloadLength);
                numbering = PictureNumbering.of(format, data, headerLength, payloadLength);
            } catch (CodecParseException malformed) {
                return null;
            }
        }
        int descriptorAt = dependencyDescriptorId == ABSENT ? -1 : packet.extensionOffset(dependencyDescriptorId);
        int descriptorLength = descriptorAt < 0 ? ABSENT : packet.extensionLength(dependencyDescriptorId);
        return new ForwardedPacket(data, arrival, layer, headerLength, payloadLength, start, key, numbering,
                descriptorAt < 0 ? ABSENT : descriptorAt - packet.offset(), descriptorLength);
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

    /** Where the dependency descriptor's value lies in {@link #data()}, or {@link #ABSENT}. */
    int dependencyDescriptorAt() {
        return dependencyDescriptorAt;
    }

    int dependencyDescriptorLength() {
        return dependencyDescriptorLength;
    }

    PictureNumbering numbering() {
        return numbering;
    }

    /** The VP8 or VP9 temporal layer (TID), or {@link #ABSENT}. */
    public int temporalLayer() {
        return numbering.temporalLayer();
    }

    /** The VP9 spatial layer (SID), or {@link #ABSENT}. */
    public int spatialLayer() {
        return numbering.spatialLayer();
    }
}
