package io.jrtc.codec;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) that starts every VP8 RTP payload:
 * <pre>
 *      0 1 2 3 4 5 6 7
 *     +-+-+-+-+-+-+-+-+
 *     |X|R|N|S|R| PID | (required)
 *     +-+-+-+-+-+-+-+-+
 * X:  |I|L|T|K| RSV   | (present when X = 1)
 *     +-+-+-+-+-+-+-+-+
 * I:  |M| PictureID   | (7 bits, or 15 over two bytes when M = 1)
 *     +-+-+-+-+-+-+-+-+
 * L:  |   TL0PICIDX   |
 *     +-+-+-+-+-+-+-+-+
 * T/K:|TID|Y| KEYIDX  | (present when T or K = 1)
 *     +-+-+-+-+-+-+-+-+
 * </pre>
 * Absent optional fields are {@link #ABSENT}. {@code longPictureId} says whether the PictureID uses 15 bits.
 * The record encodes X = 1 only when an optional field is present; {@link #headerLength} gives the length of a
 * received descriptor, which may carry an empty X byte.
 */
public record Vp8PayloadDescriptor(boolean nonReference, boolean startOfPartition, int partitionIndex,
                                   int pictureId, boolean longPictureId, int tl0PicIdx, int temporalLayerIndex,
                                   boolean layerSync, int keyIndex) {
    public static final int ABSENT = -1;
    public static final int MAX_PARTITION_INDEX = 7;

    public Vp8PayloadDescriptor {
        check(partitionIndex >= 0 && partitionIndex <= MAX_PARTITION_INDEX, "PID out of range");
        check(pictureId == ABSENT || pictureId >= 0 && pictureId <= (longPictureId ? 0x7FFF : 0x7F),
                "PictureID out of range");
        check(pictureId != ABSENT || !longPictureId, "15-bit flag without a PictureID");
        check(tl0PicIdx == ABSENT || tl0PicIdx >= 0 && tl0PicIdx <= 0xFF, "TL0PICIDX out of range");
        check(temporalLayerIndex == ABSENT || temporalLayerIndex >= 0 && temporalLayerIndex <= 3, "TID out of range");
        check(temporalLayerIndex != ABSENT || !layerSync, "Y without TID");
        check(keyIndex == ABSENT || keyIndex >= 0 && keyIndex <= 0x1F, "KEYIDX out of range");
    }

    /** A descriptor with no optional fields. */
    public static Vp8PayloadDescriptor basic(boolean startOfPartition, int partitionIndex) {
        return new Vp8PayloadDescriptor(false, startOfPartition, partitionIndex, ABSENT, false, ABSENT, ABSENT,
                false, ABSENT);
    }

    /** Whether this payload begins a VP8 frame: S = 1 and PID = 0 (RFC 7741 §4.2). */
    public boolean startsFrame() {
        return startOfPartition && partitionIndex == 0;
    }

    /** The encoded length in bytes: 1, plus the X byte and the optional fields it announces. */
    public int length() {
        if (!extended()) {
            return 1;
        }
        int length = 2;
        if (pictureId != ABSENT) {
            length += longPictureId ? 2 : 1;
        }
        if (tl0PicIdx != ABSENT) {
            length++;
        }
        if (temporalLayerIndex != ABSENT || keyIndex != ABSENT) {
            length++;
        }
        return length;
    }

    private boolean extended() {
        return pictureId != ABSENT || tl0PicIdx != ABSENT || temporalLayerIndex != ABSENT || keyIndex != ABSENT;
    }

    /** Writes the descriptor at {@code off}; returns the number of bytes written. */
    public int encode(byte[] dst, int off) {
        int at = off;
        dst[at++] = (byte) ((extended() ? 0x80 : 0) | (nonReference ? 0x20 : 0) | (startOfPartition ? 0x10 : 0)
                | partitionIndex);
        if (!extended()) {
            return 1;
        }
        boolean tk = temporalLayerIndex != ABSENT || keyIndex != ABSENT;
        dst[at++] = (byte) ((pictureId != ABSENT ? 0x80 : 0) | (tl0PicIdx != ABSENT ? 0x40 : 0)
                | (temporalLayerIndex != ABSENT ? 0x20 : 0) | (keyIndex != ABSENT ? 0x10 : 0));
        if (pictureId != ABSENT) {
            if (longPictureId) {
                dst[at++] = (byte) (0x80 | pictureId >>> 8);
            }
            dst[at++] = (byte) pictureId;
        }
        if (tl0PicIdx != ABSENT) {
            dst[at++] = (byte) tl0PicIdx;
        }
        if (tk) {
            dst[at++] = (byte) ((temporalLayerIndex != ABSENT ? temporalLayerIndex << 6 : 0) | (layerSync ? 0x20 : 0)
                    | (keyIndex != ABSENT ? keyIndex : 0));
        }
        return at - off;
    }

    /** Parses the descriptor at the start of a VP8 payload; the VP8 data follows after {@link #length()} bytes. */
    public static Vp8PayloadDescriptor parse(byte[] b, int off, int len) throws CodecParseException {
        CodecParseException.require(b != null && off >= 0 && len >= 0 && len <= b.length - off,
                "payload slice outside the buffer");
        CodecParseException.require(len >= 1, "empty VP8 payload");
        int first = b[off] & 0xFF;
        boolean nonReference = (first & 0x20) != 0;
        boolean start = (first & 0x10) != 0;
        int pid = first & 0x07;
        if ((first & 0x80) == 0) {
            return basic(start, pid).withNonReference(nonReference);
        }
        int end = off + len;
        int at = off + 1;
        CodecParseException.require(at < end, "VP8 X byte missing");
        int x = b[at++] & 0xFF;
        int pictureId = ABSENT;
        boolean longId = false;
        if ((x & 0x80) != 0) {
            CodecParseException.require(at < end, "VP8 PictureID missing");
            pictureId = b[at++] & 0xFF;
            if ((pictureId & 0x80) != 0) {
                CodecParseException.require(at < end, "VP8 15-bit PictureID truncated");
                longId = true;
                pictureId = (pictureId & 0x7F) << 8 | (b[at++] & 0xFF);
            }
        }
        int tl0 = ABSENT;
        if ((x & 0x40) != 0) {
            CodecParseException.require(at < end, "VP8 TL0PICIDX missing");
            tl0 = b[at++] & 0xFF;
        }
        int tid = ABSENT;
        boolean sync = false;
        int keyIdx = ABSENT;
        if ((x & 0x30) != 0) {
            CodecParseException.require(at < end, "VP8 TID/KEYIDX byte missing");
            int tk = b[at] & 0xFF;
            if ((x & 0x20) != 0) {
                tid = tk >>> 6;
                sync = (tk & 0x20) != 0;
            }
            if ((x & 0x10) != 0) {
                keyIdx = tk & 0x1F;
            }
        }
        return new Vp8PayloadDescriptor(nonReference, start, pid, pictureId, longId, tl0, tid, sync, keyIdx);
    }

    /**
     * The length of the descriptor at the start of a VP8 payload, checked against {@code len}, without building
     * the record: X = 1 with no optional field still takes two bytes.
     */
    public static int headerLength(byte[] b, int off, int len) throws CodecParseException {
        CodecParseException.require(b != null && off >= 0 && len >= 1 && len <= b.length - off,
                "empty VP8 payload or slice outside the buffer");
        if ((b[off] & 0x80) == 0) {
            return 1;
        }
        CodecParseException.require(len >= 2, "VP8 X byte missing");
        int x = b[off + 1] & 0xFF;
        int length = 2;
        if ((x & 0x80) != 0) {
            CodecParseException.require(len > length, "VP8 PictureID missing");
            length += (b[off + length] & 0x80) != 0 ? 2 : 1;
        }
        length += (x & 0x40) != 0 ? 1 : 0;
        length += (x & 0x30) != 0 ? 1 : 0;
        CodecParseException.require(len >= length, "VP8 payload descriptor truncated");
        return length;
    }

    private Vp8PayloadDescriptor withNonReference(boolean n) {
        return new Vp8PayloadDescriptor(n, startOfPartition, partitionIndex, pictureId, longPictureId, tl0PicIdx,
                temporalLayerIndex, layerSync, keyIndex);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
