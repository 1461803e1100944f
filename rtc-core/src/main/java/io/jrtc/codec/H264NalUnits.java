package io.jrtc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * H.264 NAL unit helpers: the NAL unit header (RFC 6184 §1.3: F, NRI, Type), Annex B byte streams (ITU-T H.264
 * Annex B: each NAL unit preceded by a 0x000001 or 0x00000001 start code), and which NAL units open an access
 * unit (H.264 §7.4.1.2.3).
 */
public final class H264NalUnits {
    public static final int TYPE_NON_IDR_SLICE = 1;
    public static final int TYPE_IDR_SLICE = 5;
    public static final int TYPE_SEI = 6;
    public static final int TYPE_SPS = 7;
    public static final int TYPE_PPS = 8;
    public static final int TYPE_ACCESS_UNIT_DELIMITER = 9;
    public static final int TYPE_STAP_A = 24;
    public static final int TYPE_FU_A = 28;

    private static final byte[] START_CODE = {0, 0, 0, 1};

    /** RFC 6184's STAP-A (§5.7.1) and FU-A (§5.8) for {@link NalUnitPayloads}. */
    static final NalUnitFormat RTP = new NalUnitFormat() {
        @Override
        public int headerLength() {
            return 1;
        }

        @Override
        public int type(byte first) {
            return H264NalUnits.type(first);
        }

        @Override
        public int aggregationType() {
            return TYPE_STAP_A;
        }

        @Override
        public int fragmentType() {
            return TYPE_FU_A;
        }

        /** F is the OR and NRI the maximum of the aggregated NAL units' (§5.3, §5.7.1). */
        @Override
        public void writeAggregationHeader(byte[] out, List<byte[]> nalUnits, int from, int count) {
            int forbidden = 0;
            int nri = 0;
            for (int i = from; i < from + count; i++) {
                forbidden |= nalUnits.get(i)[0] & 0x80;
                nri = Math.max(nri, nalUnits.get(i)[0] & 0x60);
            }
            out[0] = (byte) (forbidden | nri | TYPE_STAP_A);
        }

        /** The NAL header becomes the FU indicator (F, NRI, type 28) and the FU header (S, E, R, type). */
        @Override
        public void writeFragmentHeaders(byte[] out, byte[] nal, boolean start, boolean end) {
            out[0] = (byte) ((nal[0] & 0xE0) | TYPE_FU_A);
            out[1] = (byte) ((start ? 0x80 : 0) | (end ? 0x40 : 0) | type(nal[0]));
        }

        @Override
        public void writeReassembledHeader(java.io.ByteArrayOutputStream out, byte[] firstFragment) {
            out.write((firstFragment[0] & 0xE0) | firstFragment[1] & 0x1F);
        }

        @Override
        public int fragmentedType(int fuHeader) {
            return fuHeader & 0x1F;
        }
    };

    private H264NalUnits() {
    }

    /** The nal_unit_type of a NAL unit header byte. */
    public static int type(byte header) {
        return header & 0x1F;
    }

    /**
     * Splits an Annex B byte stream into NAL units (copied), dropping the start codes and the zero bytes that
     * pad them (trailing_zero_8bits); bytes before the first start code are ignored.
     */
    public static List<byte[]> splitAnnexB(byte[] stream, int off, int len) {
        if (stream == null || off < 0 || len < 0 || len > stream.length - off) {
            throw new IllegalArgumentException("Annex B slice outside the buffer");
        }
        List<byte[]> nalUnits = new ArrayList<>();
        int end = off + len;
        int start = -1;
        int i = off;
        while (i + 2 < end) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                addTrimmed(nalUnits, stream, start, i);
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        addTrimmed(nalUnits, stream, start, end);
        return nalUnits;
    }

    private static void addTrimmed(List<byte[]> into, byte[] stream, int start, int end) {
        if (start < 0) {
            return;
        }
        while (end > start && stream[end - 1] == 0) {
            end--;
        }
        if (end > start) {
            byte[] nal = new byte[end - start];
            System.arraycopy(stream, start, nal, 0, nal.length);
            into.add(nal);
        }
    }

    /**
     * Whether an Annex B access unit decodes on its own: it carries an IDR slice and the SPS and PPS it needs
     * (H.264 §7.4.1.2.1), as a WebRTC keyframe does. Scans start codes without copying.
     */
    public static boolean isSelfContainedKeyframe(byte[] accessUnit, int off, int len) {
        if (accessUnit == null || off < 0 || len < 0 || len > accessUnit.length - off) {
            throw new IllegalArgumentException("Annex B slice outside the buffer");
        }
        boolean sps = false;
        boolean pps = false;
        boolean idr = false;
        int end = off + len;
        for (int i = off; i + 3 < end; i++) {
            if (accessUnit[i] == 0 && accessUnit[i + 1] == 0 && accessUnit[i + 2] == 1) {
                int type = type(accessUnit[i + 3]);
                sps |= type == TYPE_SPS;
                pps |= type == TYPE_PPS;
                idr |= type == TYPE_IDR_SLICE;
                i += 2;
            }
        }
        return sps && pps && idr;
    }

    /** Joins NAL units into an Annex B byte stream with four-byte start codes. */
    public static byte[] joinAnnexB(List<byte[]> nalUnits) {
        int total = 0;
        for (byte[] nal : nalUnits) {
            total += START_CODE.length + nal.length;
        }
        byte[] stream = new byte[total];
        int at = 0;
        for (byte[] nal : nalUnits) {
            System.arraycopy(START_CODE, 0, stream, at, START_CODE.length);
            System.arraycopy(nal, 0, stream, at + START_CODE.length, nal.length);
            at += START_CODE.length + nal.length;
        }
        return stream;
    }

    /**
     * Whether a NAL unit surely opens an access unit in a WebRTC stream: an access unit delimiter or SPS, or a
     * non-IDR slice whose first_mb_in_slice is 0 (the ue(v) code "1", so the top bit of the byte after the
     * header is set). IDR slices are not counted, since senders put SPS and PPS in front of them; a frame whose
     * parameter sets were lost is then not passed on without them.
     *
     * @param firstSliceByte the byte after the NAL header, or -1 when there is none
     */
    public static boolean opensAccessUnit(int type, int firstSliceByte) {
        return switch (type) {
            case TYPE_ACCESS_UNIT_DELIMITER, TYPE_SPS -> true;
            case TYPE_NON_IDR_SLICE -> firstSliceByte >= 0 && (firstSliceByte & 0x80) != 0;
            default -> false;
        };
    }
}
