package io.jrtc.media.file;

import io.jrtc.codec.H264NalUnits;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an H.264 Annex B byte stream (ITU-T H.264 Annex B: NAL units behind 00 00 01 start codes, with optional
 * leading zero bytes) and groups its NAL units into access units (§7.4.1.2.3): once a picture's slices have been
 * seen, an access unit delimiter, SEI, SPS, PPS, a NAL unit of types 14 to 18, or a slice whose first_mb_in_slice
 * is 0 opens the next access unit.
 */
public final class AnnexBReader implements Closeable {
    /** An access unit bigger than this is surely not video: refuse it rather than hold it in memory. */
    private static final int MAX_NAL_UNIT_BYTES = 16 << 20;

    private final InputStream in;
    private byte[] held;
    private boolean started;
    private boolean ended;

    public AnnexBReader(InputStream stream) {
        this.in = new BufferedInputStream(stream);
    }

    /**
     * The next access unit as an Annex B byte string (each NAL unit behind a 4-byte start code), or null at the
     * end of the stream.
     */
    public byte[] nextAccessUnit() throws IOException {
        List<byte[]> unit = new ArrayList<>();
        boolean sawSlice = false;
        while (true) {
            byte[] nal = held != null ? held : nextNalUnit();
            held = null;
            if (nal == null) {
                return unit.isEmpty() ? null : H264NalUnits.joinAnnexB(unit);
            }
            if (sawSlice && opensAccessUnit(nal)) {
                held = nal;
                return H264NalUnits.joinAnnexB(unit);
            }
            unit.add(nal);
            sawSlice |= isSlice(H264NalUnits.type(nal[0]));
        }
    }

    private static boolean isSlice(int type) {
        return type >= H264NalUnits.TYPE_NON_IDR_SLICE && type <= H264NalUnits.TYPE_IDR_SLICE;
    }

    private static boolean opensAccessUnit(byte[] nal) {
        int type = H264NalUnits.type(nal[0]);
        if (type == H264NalUnits.TYPE_SEI || type == H264NalUnits.TYPE_SPS || type == H264NalUnits.TYPE_PPS
                || type == H264NalUnits.TYPE_ACCESS_UNIT_DELIMITER || type >= 14 && type <= 18) {
            return true;
        }
        // first_mb_in_slice is ue(v); it is 0 exactly when its code is the single bit "1"
        return (type == H264NalUnits.TYPE_NON_IDR_SLICE || type == H264NalUnits.TYPE_IDR_SLICE || type == 2)
                && nal.length > 1 && (nal[1] & 0x80) != 0;
    }

    /** The next non-empty NAL unit without its start code and trailing zero bytes, or null at the end. */
    private byte[] nextNalUnit() throws IOException {
        if (!started) {
            skipToFirstStartCode();
        }
        while (!ended) {
            ByteArrayOutputStream nal = new ByteArrayOutputStream();
            int zeros = 0;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    ended = true;
                    break;
                }
                if (b == 0) {
                    zeros++;
                    continue;
                }
                if (b == 1 && zeros >= 2) {
                    break;
                }
                // §7.4.1: inside a NAL unit, 00 00 is never followed by 00, 01 or 02 (03 is emulation prevention)
                MediaFileFormatException.require(zeros < 2 || zeros == 2 && b >= 3,
                        "bytes 00 00 " + (zeros > 2 ? "00 " : "") + String.format("%02x", b) + " inside a NAL unit");
                for (; zeros > 0; zeros--) {
                    nal.write(0);
                }
                nal.write(b);
                MediaFileFormatException.require(nal.size() <= MAX_NAL_UNIT_BYTES, "NAL unit over 16 MiB");
            }
            if (nal.size() > 0) {
                byte[] unit = nal.toByteArray();
                MediaFileFormatException.require((unit[0] & 0x80) == 0, "NAL unit with forbidden_zero_bit set");
                return unit;
            }
        }
        return null;
    }

    private void skipToFirstStartCode() throws IOException {
        started = true;
        int zeros = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                MediaFileFormatException.require(zeros == 0, "Annex B stream of only zero bytes");
                ended = true;
                return;
            }
            if (b == 0) {
                zeros++;
            } else {
                MediaFileFormatException.require(b == 1 && zeros >= 2, "Annex B stream does not begin with a"
                        + " start code");
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
