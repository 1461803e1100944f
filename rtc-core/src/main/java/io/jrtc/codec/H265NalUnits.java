package io.jrtc.codec;

/**
 * H.265 NAL unit header helpers (ITU-T H.265 §7.3.1.2, RFC 7798 §1.1.4): two bytes of F, Type (6 bits), LayerId
 * (6 bits) and TID (3 bits), and the types that matter to a forwarder: IRAP pictures (16-21) decode on their own,
 * parameter sets and access unit delimiters open an access unit. Annex B byte streams split and join as H.264's
 * do ({@link H264NalUnits#splitAnnexB}).
 */
public final class H265NalUnits {
    public static final int HEADER_LENGTH = 2;
    public static final int TYPE_LAST_NON_IRAP_VCL = 9;
    public static final int TYPE_FIRST_IRAP = 16;
    public static final int TYPE_LAST_IRAP = 21;
    public static final int TYPE_LAST_VCL = 31;
    public static final int TYPE_VPS = 32;
    public static final int TYPE_SPS = 33;
    public static final int TYPE_PPS = 34;
    public static final int TYPE_ACCESS_UNIT_DELIMITER = 35;
    public static final int TYPE_AP = 48;
    public static final int TYPE_FU = 49;
    public static final int TYPE_PACI = 50;

    /** RFC 7798's AP (§4.4.2) and FU (§4.4.3), without decoding order numbers, for {@link NalUnitPayloads}. */
    static final NalUnitFormat RTP = new NalUnitFormat() {
        @Override
        public int headerLength() {
            return HEADER_LENGTH;
        }

        @Override
        public int type(byte first) {
            return H265NalUnits.type(first);
        }

        @Override
        public int aggregationType() {
            return TYPE_AP;
        }

        @Override
        public int fragmentType() {
            return TYPE_FU;
        }

        /** F is the OR, LayerId and TID the lowest of the aggregated NAL units' (§4.4.2). */
        @Override
        public void writeAggregationHeader(byte[] out, java.util.List<byte[]> nalUnits, int from, int count) {
            int forbidden = 0;
            int layerId = 0x3F;
            int tid = 7;
            for (int i = from; i < from + count; i++) {
                byte[] nal = nalUnits.get(i);
                forbidden |= nal[0] & 0x80;
                layerId = Math.min(layerId, (nal[0] & 0x01) << 5 | (nal[1] & 0xFF) >>> 3);
                tid = Math.min(tid, nal[1] & 0x07);
            }
            out[0] = (byte) (forbidden | TYPE_AP << 1 | layerId >>> 5);
            out[1] = (byte) ((layerId & 0x1F) << 3 | tid);
        }

        /** The payload header is the NAL header with type 49; the FU header holds S, E and the NAL type. */
        @Override
        public void writeFragmentHeaders(byte[] out, byte[] nal, boolean start, boolean end) {
            out[0] = (byte) ((nal[0] & 0x81) | TYPE_FU << 1);
            out[1] = nal[1];
            out[2] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type(nal[0]));
        }

        @Override
        public void writeReassembledHeader(java.io.ByteArrayOutputStream out, byte[] firstFragment) {
            out.write((firstFragment[0] & 0x81) | (firstFragment[2] & 0x3F) << 1);
            out.write(firstFragment[1]);
        }

        @Override
        public int fragmentedType(int fuHeader) {
            return fuHeader & 0x3F;
        }
    };

    private H265NalUnits() {
    }

    /** The nal_unit_type from the first header byte. */
    public static int type(byte first) {
        return (first >>> 1) & 0x3F;
    }

    /** Whether a NAL unit type is an IRAP picture's slice (BLA, IDR or CRA, H.265 §7.4.2.2). */
    public static boolean isIrap(int type) {
        return type >= TYPE_FIRST_IRAP && type <= TYPE_LAST_IRAP;
    }

    /** Whether a NAL unit type is a real NAL unit, not an RTP packet type (48-63, RFC 7798 §4.4). */
    public static boolean isNalUnit(int type) {
        return type < TYPE_AP;
    }

    /**
     * Whether a NAL unit surely opens an access unit in a WebRTC stream: an access unit delimiter or VPS, or a
     * non-IRAP slice with first_slice_segment_in_pic_flag set (the top bit of the byte after the header). IRAP
     * slices are not counted, since senders put the parameter sets in front of them.
     *
     * @param firstSliceByte the byte after the NAL header, or -1 when there is none
     */
    public static boolean opensAccessUnit(int type, int firstSliceByte) {
        if (type == TYPE_ACCESS_UNIT_DELIMITER || type == TYPE_VPS) {
            return true;
        }
        return type <= TYPE_LAST_NON_IRAP_VCL && firstSliceByte >= 0 && (firstSliceByte & 0x80) != 0;
    }

    /**
     * Whether a NAL unit begins a keyframe: a VPS or SPS (sent in front of every IRAP picture), or the first
     * slice of an IRAP picture for a sender whose parameter sets came out of band.
     */
    public static boolean startsKeyframe(int type, int firstSliceByte) {
        return type == TYPE_VPS || type == TYPE_SPS
                || isIrap(type) && firstSliceByte >= 0 && (firstSliceByte & 0x80) != 0;
    }
}
