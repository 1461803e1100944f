package io.jrtc.media;

/**
 * HDR metadata of a {@link ColorSpace} (SMPTE ST 2086 mastering display, CTA-861.3 light levels) in the integer
 * units of libwebrtc's colour-space RTP header extension: luminance in nits ({@code luminanceMax}) and in 1/10000
 * nit ({@code luminanceMin}), CIE 1931 xy chromaticities in 1/50000, light levels in nits. Each fits 16 bits.
 */
public record HdrMetadata(int luminanceMax, int luminanceMin, int redX, int redY, int greenX, int greenY, int blueX,
        int blueY, int whiteX, int whiteY, int maxContentLightLevel, int maxFrameAverageLightLevel) {
    /** The chromaticity scale: 50000 is 1.0. */
    public static final int CHROMATICITY_DENOMINATOR = 50_000;

    public HdrMetadata {
        int[] values = {luminanceMax, luminanceMin, redX, redY, greenX, greenY, blueX, blueY, whiteX, whiteY,
            maxContentLightLevel, maxFrameAverageLightLevel};
        for (int value : values) {
            if (value < 0 || value > 0xFFFF) {
                throw new IllegalArgumentException("HDR metadata values are 16-bit: " + value);
            }
        }
        for (int i = 2; i < 10; i++) {
            if (values[i] > CHROMATICITY_DENOMINATOR) {
                throw new IllegalArgumentException("a chromaticity coordinate is at most 1.0 ("
                        + CHROMATICITY_DENOMINATOR + "): " + values[i]);
            }
        }
    }

    /** The twelve values from {@link #inWireOrder()}'s array. */
    public static HdrMetadata ofWireOrder(int[] v) {
        if (v.length != 12) {
            throw new IllegalArgumentException("HDR metadata holds 12 values, not " + v.length);
        }
        return new HdrMetadata(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
    }

    /** The twelve values in the order of the colour-space extension and of the constructor. */
    public int[] inWireOrder() {
        return new int[] {luminanceMax, luminanceMin, redX, redY, greenX, greenY, blueX, blueY, whiteX, whiteY,
            maxContentLightLevel, maxFrameAverageLightLevel};
    }
}
