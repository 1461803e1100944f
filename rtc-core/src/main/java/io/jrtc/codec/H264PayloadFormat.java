package io.jrtc.codec;

/**
 * Depacketizes H.264 in packetization-mode 0 (RFC 6184 §6.2: single NAL unit packets, §5.6) and 1 (§6.3: those,
 * STAP-A, §5.7.1, and FU-A, §5.8), any profile; the interleaved-mode types STAP-B, MTAP and FU-B are rejected. A frame comes out as an Annex B
 * access unit with four-byte start codes. A packet marks a keyframe when it carries an IDR slice (type 5);
 * {@link H264NalUnits#isSelfContainedKeyframe} also checks that the frame brought its SPS and PPS.
 * An FU-A sequence must run from S = 1 to E = 1 inside one frame with one NAL type, else the frame is dropped.
 */
public final class H264PayloadFormat implements Depacketizer {
    /** The RTP timestamp rate of H.264, fixed by RFC 6184 §5.1. */
    public static final int CLOCK_RATE = 90_000;
    private static final int STAP_A_LENGTH_FIELD = 2;

    @Override
    public int inspect(byte[] payload, int off, int len) throws CodecParseException {
        CodecParseException.require(payload != null && off >= 0 && len >= 1 && len <= payload.length - off,
                "empty H.264 payload or slice outside the buffer");
        int type = H264NalUnits.type(payload[off]);
        if (type >= 1 && type <= 23) {
            return nalFlags(type, len > 1 ? payload[off + 1] & 0xFF : -1);
        }
        if (type == H264NalUnits.TYPE_STAP_A) {
            return inspectStapA(payload, off, len);
        }
        if (type == H264NalUnits.TYPE_FU_A) {
            CodecParseException.require(len >= 2, "FU-A without an FU header");
            int fuHeader = payload[off + 1] & 0xFF;
            boolean start = (fuHeader & 0x80) != 0;
            CodecParseException.require(!(start && (fuHeader & 0x40) != 0), "FU-A with both S and E (§5.8)");
            CodecParseException.require((fuHeader & 0x1F) >= 1 && (fuHeader & 0x1F) <= 23,
                    "FU-A carries a non-NAL-unit type");
            int flags = nalFlags(fuHeader & 0x1F, start && len > 2 ? payload[off + 2] & 0xFF : -1);
            return start ? flags : flags & KEYFRAME;
        }
        throw new CodecParseException("NAL type " + type + " is not allowed in packetization-mode 1");
    }

    private static int inspectStapA(byte[] payload, int off, int len) throws CodecParseException {
        int end = off + len;
        int at = off + 1;
        CodecParseException.require(at < end, "empty STAP-A");
        int flags = 0;
        boolean first = true;
        while (at < end) {
            CodecParseException.require(end - at >= STAP_A_LENGTH_FIELD, "STAP-A size field truncated");
            int size = (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF;
            at += STAP_A_LENGTH_FIELD;
            CodecParseException.require(size >= 1 && size <= end - at, "STAP-A NAL unit size out of bounds");
            int type = H264NalUnits.type(payload[at]);
            CodecParseException.require(type >= 1 && type <= 23, "STAP-A holds a non-NAL-unit type " + type);
            int nalFlags = nalFlags(type, size > 1 ? payload[at + 1] & 0xFF : -1);
            flags |= first ? nalFlags : nalFlags & KEYFRAME;
            first = false;
            at += size;
        }
        return flags;
    }

    /**
     * Whether the packet is the first of a keyframe: it carries a sequence parameter set (alone, in a STAP-A or
     * starting an FU-A), which WebRTC senders put in front of every IDR picture, or, for a sender that sends its
     * parameter sets out of band, the first slice (first_mb_in_slice 0) of an IDR picture. When the SPS and the
     * IDR slice come in separate packets both answer true; the first of them, the SPS, is where to start.
     * Never throws.
     */
    public static boolean isKeyframeStart(byte[] payload, int off, int len) {
        if (payload == null || off < 0 || len < 2 || len > payload.length - off) {
            return false;
        }
        int type = H264NalUnits.type(payload[off]);
        if (type == H264NalUnits.TYPE_STAP_A) {
            for (int at = off + 1; at + 2 < off + len; ) {
                int size = (payload[at] & 0xFF) << 8 | payload[at + 1] & 0xFF;
                if (size < 1 || size > off + len - at - 2) {
                    return false;
                }
                if (startsKeyframe(H264NalUnits.type(payload[at + 2]), at + 3 < off + len ? payload[at + 3] : 0)) {
                    return true;
                }
                at += 2 + size;
            }
            return false;
        }
        if (type == H264NalUnits.TYPE_FU_A) {
            int fuHeader = payload[off + 1] & 0xFF;
            return (fuHeader & 0x80) != 0 && len > 2 && startsKeyframe(fuHeader & 0x1F, payload[off + 2]);
        }
        return startsKeyframe(type, payload[off + 1]);
    }

    private static boolean startsKeyframe(int type, byte firstSliceByte) {
        return type == H264NalUnits.TYPE_SPS || type == H264NalUnits.TYPE_IDR_SLICE && (firstSliceByte & 0x80) != 0;
    }

    @Override
    public boolean startsKeyframe(byte[] payload, int off, int len) {
        return isKeyframeStart(payload, off, len);
    }

    private static int nalFlags(int type, int firstSliceByte) {
        return (H264NalUnits.opensAccessUnit(type, firstSliceByte) ? FRAME_START : 0)
                | (type == H264NalUnits.TYPE_IDR_SLICE ? KEYFRAME : 0);
    }

    @Override
    public byte[] assemble(PacketRun packets) throws CodecParseException {
        for (int i = 0; i < packets.size(); i++) {
            inspect(packets.payload(i), 0, packets.length(i));
        }
        return NalUnitPayloads.assemble(H264NalUnits.RTP, packets);
    }
}
