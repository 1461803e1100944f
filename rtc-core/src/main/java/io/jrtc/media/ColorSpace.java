package io.jrtc.media;

import java.util.Objects;

/**
 * How a picture's samples map to colours, in the terms of ITU-T H.273 as libwebrtc's {@code ColorSpace} carries them:
 * colour primaries (H.273 table 2), transfer characteristics (table 3) and matrix coefficients (table 4) by their
 * H.273 code points, the sample range, and where chroma samples sit (WebM's {@code ChromaSitingHorz}/{@code Vert}).
 * {@code hdr} is the mastering display and light levels of HDR video, or null.
 */
public record ColorSpace(int primaries, int transfer, int matrix, Range range, int horizontalSiting,
        int verticalSiting, HdrMetadata hdr) {
    /** H.273 code points used here. */
    public static final int BT709 = 1;
    public static final int UNSPECIFIED = 2;
    /** BT.601 525-line (SMPTE 170M): primaries, transfer and matrix alike. */
    public static final int SMPTE170M = 6;
    /** BT.601 625-line (BT.470 B/G) matrix: the same coefficients as SMPTE 170M. */
    public static final int BT470BG = 5;
    /** WebM chroma siting: unspecified, co-located with the first luma sample, or half way between two. */
    public static final int SITING_UNSPECIFIED = 0;
    public static final int SITING_COLLOCATED = 1;
    public static final int SITING_HALF = 2;

    /** BT.601 with samples in 16-235 (chroma 16-240): what VP8 implies and jrtc's pictures use unless told. */
    public static final ColorSpace BT601_LIMITED = new ColorSpace(SMPTE170M, SMPTE170M, SMPTE170M, Range.LIMITED,
            SITING_UNSPECIFIED, SITING_UNSPECIFIED, null);
    /** BT.601 with samples in 0-255 (JPEG's form). */
    public static final ColorSpace BT601_FULL = BT601_LIMITED.withRange(Range.FULL);
    /** BT.709 (HD video) in limited range. */
    public static final ColorSpace BT709_LIMITED = new ColorSpace(BT709, BT709, BT709, Range.LIMITED,
            SITING_UNSPECIFIED, SITING_UNSPECIFIED, null);

    /** The sample range as WebM and libwebrtc number it. */
    public enum Range {
        /** Not said. */
        UNSPECIFIED,
        /** "Broadcast" range: 16-235 luma, 16-240 chroma for 8 bits. */
        LIMITED,
        /** 0-255 for 8 bits. */
        FULL,
        /** Follows from the matrix coefficients and transfer characteristics. */
        DERIVED
    }

    public ColorSpace {
        checkByte(primaries, "primaries");
        checkByte(transfer, "transfer");
        checkByte(matrix, "matrix");
        Objects.requireNonNull(range, "range");
        checkSiting(horizontalSiting, "horizontal");
        checkSiting(verticalSiting, "vertical");
    }

    /** Whether the matrix is BT.709's; otherwise pictures convert with BT.601's. */
    public boolean isBt709() {
        return matrix == BT709;
    }

    /** Whether samples span 0-255. */
    public boolean isFullRange() {
        return range == Range.FULL;
    }

    public ColorSpace withRange(Range newRange) {
        return new ColorSpace(primaries, transfer, matrix, newRange, horizontalSiting, verticalSiting, hdr);
    }

    private static void checkByte(int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " is an 8-bit H.273 code point: " + value);
        }
    }

    private static void checkSiting(int value, String what) {
        if (value < SITING_UNSPECIFIED || value > SITING_HALF) {
            throw new IllegalArgumentException(what + " chroma siting is 0 (unspecified), 1 (co-located) or 2 (half): "
                    + value);
        }
    }
}
