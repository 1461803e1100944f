package io.jrtc.media.file;

import io.jrtc.codec.H264NalUnits;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 as MP4 and Matroska store it (ISO/IEC 14496-15: an AVCDecoderConfigurationRecord, "avcC", holding the SPS
 * and PPS, and samples of NAL units each preceded by its length in 1, 2 or 4 bytes) turned into the Annex B access
 * units the RTP packetizer takes, with the SPS and PPS put before every keyframe so that a receiver joining at
 * any keyframe can decode. A file whose extradata is already Annex B (a raw stream muxed as is) passes through.
 */
final class AvcToAnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final int lengthSize;
    private final byte[] parameterSets;

    private AvcToAnnexB(int lengthSize, byte[] parameterSets) {
        this.lengthSize = lengthSize;
        this.parameterSets = parameterSets;
    }

    /**
     * @param extradata the stream's codec extradata: an avcC record, Annex B parameter sets, or empty
     * @throws MediaFileFormatException when an avcC record is cut short
     */
    static AvcToAnnexB fromExtradata(byte[] extradata) throws MediaFileFormatException {
        if (extradata.length == 0 || extradata[0] != 1) {
            return new AvcToAnnexB(0, extradata);  // Annex B already (or nothing): samples carry start codes
        }
        // ISO/IEC 14496-15 §5.3.3.1.2: version, profile, compatibility, level, 6 bits reserved + lengthSizeMinusOne,
        // 3 bits reserved + numOfSequenceParameterSets, then 16-bit-length SPSs, a count and 16-bit-length PPSs
        MediaFileFormatException.require(extradata.length >= 7, "avcC record of " + extradata.length + " bytes");
        int lengthSize = (extradata[4] & 0x03) + 1;
        MediaFileFormatException.require(lengthSize != 3, "avcC NAL length size 3");
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        int at = 5;
        for (int list = 0; list < 2; list++) {
            MediaFileFormatException.require(at < extradata.length, "avcC record cut short");
            int count = list == 0 ? extradata[at] & 0x1F : extradata[at] & 0xFF;
            at++;
            for (int i = 0; i < count; i++) {
                MediaFileFormatException.require(at + 2 <= extradata.length, "avcC record cut short");
                int length = (extradata[at] & 0xFF) << 8 | (extradata[at + 1] & 0xFF);
                at += 2;
                MediaFileFormatException.require(at + length <= extradata.length, "avcC record cut short");
                sets.writeBytes(START_CODE);
                sets.write(extradata, at, length);
                at += length;
            }
        }
        return new AvcToAnnexB(lengthSize, sets.toByteArray());
    }

    /** Whether samples carry NAL unit lengths (avcC) rather than start codes. */
    boolean lengthPrefixed() {
        return lengthSize > 0;
    }

    /**
     * One sample as an Annex B access unit; a keyframe without its own SPS gets the stream's SPS and PPS first.
     *
     * @throws MediaFileFormatException when a NAL unit length runs past the sample
     */
    byte[] accessUnit(byte[] sample, boolean keyframe) throws MediaFileFormatException {
        List<byte[]> units = lengthPrefixed() ? split(sample) : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(sample.length + parameterSets.length + 16);
        if (keyframe && !holdsSps(sample, units)) {
            out.writeBytes(parameterSets);
        }
        if (units == null) {
            out.writeBytes(sample);
        } else {
            for (byte[] unit : units) {
                out.writeBytes(START_CODE);
                out.writeBytes(unit);
            }
        }
        return out.toByteArray();
    }

    private List<byte[]> split(byte[] sample) throws MediaFileFormatException {
        List<byte[]> units = new ArrayList<>();
        int at = 0;
        while (at < sample.length) {
            MediaFileFormatException.require(at + lengthSize <= sample.length, "NAL unit length cut short");
            long length = 0;
            for (int i = 0; i < lengthSize; i++) {
                length = length << 8 | (sample[at + i] & 0xFF);
            }
            at += lengthSize;
            MediaFileFormatException.require(length <= sample.length - at, "NAL unit of " + length
                    + " bytes in a sample of " + sample.length);
            if (length > 0) {
                byte[] unit = new byte[(int) length];
                System.arraycopy(sample, at, unit, 0, unit.length);
                units.add(unit);
            }
            at += (int) length;
        }
        return units;
    }

    private static boolean holdsSps(byte[] sample, List<byte[]> units) {
        List<byte[]> nals = units != null ? units : H264NalUnits.splitAnnexB(sample, 0, sample.length);
        for (byte[] nal : nals) {
            if (nal.length > 0 && H264NalUnits.type(nal[0]) == H264NalUnits.TYPE_SPS) {
                return true;
            }
        }
        return false;
    }
}
