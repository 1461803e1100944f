package io.jrtc.codec;

/**
 * Depacketizes H.265 (RFC 7798) without decoding order numbers (sprop-max-don-diff 0, as WebRTC uses it): single
 * NAL unit packets (§4.4.1), aggregation packets (AP, §4.4.2) and fragmentation units (FU, §4.4.3); PACI
 * (§4.4.4) is rejected. A frame comes out as an Annex B access unit with four-byte start codes. A packet marks a
 * keyframe when it carries an IRAP slice (types 16-21). An FU sequence must run from S = 1 to E = 1 inside one
 * frame with one NAL type, else the frame is dropped.
 */
public final class H265PayloadFormat implements Depacketizer {
    /** The RTP timestamp rate of H.265, fixed by RFC 7798 §4.1. */
    public static final int CLOCK_RATE = 90_000;
    private static final int AP_LENGTH_FIELD = 2;
    private static final int FU_HEADERS = 3;

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        CodecParseException.require(payload != null && off >= 0 && len >= H265NalUnits.HEADER_LENGTH
                && len <= payload.length - off, "H.265 payload shorter than its header or outside the buffer");
        CodecParseException.require((payload[off] & 0x80) == 0, "H.265 payload header with F = 1");
        int type = H265NalUnits.type(payload[off]);
        if (H265NalUnits.isNalUnit(type)) {
            return nalFlags(type, byteAfterHeader(payload, off, len));
        }
        if (type == H265NalUnits.TYPE_AP) {
            return inspectAggregation(payload, off, len);
        }
        if (type == H265NalUnits.TYPE_FU) {
            CodecParseException.require(len > FU_HEADERS, "H.265 FU without data");
            int fuHeader = payload[off + 2] & 0xFF;
            boolean start = (fuHeader & 0x80) != 0;
            CodecParseException.require(!(start && (fuHeader & 0x40) != 0), "H.265 FU with both S and E (§4.4.3)");
            int fuType = fuHeader & 0x3F;
            CodecParseException.require(H265NalUnits.isNalUnit(fuType), "H.265 FU carries a packet type");
            int flags = nalFlags(fuType, start ? payload[off + FU_HEADERS] & 0xFF : -1);
            return start ? flags : flags & KEYFRAME;
        }
        throw new CodecParseException("H.265 packet type " + type + " is not supported");
    }

    private static int byteAfterHeader(byte[] payload, int at, int size) {
        return size > H265NalUnits.HEADER_LENGTH ? payload[at + H265NalUnits.HEADER_LENGTH] & 0xFF : -1;
    }

    private static int inspectAggregation(byte[] payload, int off, int len) throws CodecParseException {
        int end = off + len;
        int at = off + H265NalUnits.HEADER_LENGTH;
        CodecParseException.require(at < end, "empty H.265 AP");
        int flags = 0;
        int count = 0;
        while (at < end) {
            CodecParseException.require(end - at >= AP_LENGTH_FIELD, "H.265 AP size field truncated");
            int size = (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF;
            at += AP_LENGTH_FIELD;
            CodecParseException.require(size >= H265NalUnits.HEADER_LENGTH && size <= end - at,
                    "H.265 AP NAL unit size out of bounds");
            int type = H265NalUnits.type(payload[at]);
            CodecParseException.require(H265NalUnits.isNalUnit(type), "H.265 AP holds a packet type " + type);
            int nalFlags = nalFlags(type, byteAfterHeader(payload, at, size));
            flags |= count == 0 ? nalFlags : nalFlags & KEYFRAME;
            count++;
            at += size;
        }
        CodecParseException.require(count >= 2, "H.265 AP with fewer than two NAL units (§4.4.2)");
        return flags;
    }

    private static int nalFlags(int type, int firstSliceByte) {
        return (H265NalUnits.opensAccessUnit(type, firstSliceByte) ? FRAME_START : 0)
                | (H265NalUnits.isIrap(type) ? KEYFRAME : 0);
    }

    /**
     * Whether the packet is the first of a keyframe ({@link H265NalUnits#startsKeyframe}: a VPS or SPS alone, in
     * an AP or starting an FU, or an IRAP picture's first slice). Never throws.
     */
    public static boolean isKeyframeStart(byte[] payload, int off, int len) {
        if (payload == null || off < 0 || len <= H265NalUnits.HEADER_LENGTH || len > payload.length - off) {
            return false;
        }
        int type = H265NalUnits.type(payload[off]);
        if (type == H265NalUnits.TYPE_AP) {
            int end = off + len;
            for (int at = off + H265NalUnits.HEADER_LENGTH; at + AP_LENGTH_FIELD + 1 < end; ) {
                int size = (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF;
                at += AP_LENGTH_FIELD;
                if (size < H265NalUnits.HEADER_LENGTH || size > end - at) {
                    return false;
                }
                if (H265NalUnits.startsKeyframe(H265NalUnits.type(payload[at]), byteAfterHeader(payload, at, size))) {
                    return true;
                }
                at += size;
            }
            return false;
        }
        if (type == H265NalUnits.TYPE_FU) {
            int fuHeader = payload[off + 2] & 0xFF;
            return (fuHeader & 0x80) != 0 && len > FU_HEADERS
                    && H265NalUnits.startsKeyframe(fuHeader & 0x3F, payload[off + FU_HEADERS] & 0xFF);
        }
        return H265NalUnits.startsKeyframe(type, byteAfterHeader(payload, off, len));
    }

    @Override
    public boolean startsKeyframe(byte[] payload, int off, int len) {
        return isKeyframeStart(payload, off, len);
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        for (int i = 0; i < packets.size(); i++) {
            inspect(packets.payload(i), 0, packets.length(i));
        }
        return NalUnitPayloads.assemble(H265NalUnits.RTP, packets);
    }
}
