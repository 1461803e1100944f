package io.jrtc.rtp;

import io.jrtc.media.ColorSpace;
import io.jrtc.media.HdrMetadata;
import java.util.Set;

/**
 * libwebrtc's colour-space header extension ({@value #URI}): 4 bytes, colour primaries, transfer characteristics
 * and matrix coefficients (ITU-T H.273 code points), then {@code range << 4 | horizontal siting << 2 | vertical
 * siting} (WebM's colour element numbering); or 28 bytes, those 4 followed by HDR metadata as twelve big-endian
 * 16-bit values (luminance max and min, the red, green, blue and white chromaticities, max content and max frame
 * average light level), which needs the two-byte element form (RFC 8285 §4.3). Senders put it on the last packet
 * of a frame (the marker packet); on others receivers ignore it.
 */
public final class ColorSpaceExtension {
    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/color-space";
    public static final int LENGTH = 4;
    public static final int LENGTH_WITH_HDR = 28;
    private static final int HDR_VALUES = 12;
    /** The H.273 code points libwebrtc takes (its {@code ColorSpace} enums); it drops an element with another. */
    public static final Set<Integer> PRIMARIES = Set.of(1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 22);
    public static final Set<Integer> TRANSFERS = Set.of(1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    public static final Set<Integer> MATRICES = Set.of(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);

    private ColorSpaceExtension() {
    }

    /** The colour space in element {@code id} of {@code header}; null when the element is absent. */
    public static ColorSpace read(RtpHeader header, int id) throws RtpParseException {
        int at = header.extensionOffset(id);
        return at < 0 ? null : parse(header.buffer(), at, header.extensionLength(id));
    }

    /**
     * Parses an element's value.
     *
     * @throws RtpParseException when it is not 4 or 28 bytes, names a primaries, transfer or matrix code point not
     *         in {@link #PRIMARIES}, {@link #TRANSFERS}, {@link #MATRICES} (reserved in H.273, and what encoders
     *         could not be configured with), the range byte has its top bits set or a siting of 3, or the HDR
     *         metadata has a chromaticity above 1.0
     */
    public static ColorSpace parse(byte[] b, int off, int len) throws RtpParseException {
        RtpParseException.require(b != null && off >= 0 && len >= 0 && len <= b.length - off,
                "colour space element outside the buffer");
        RtpParseException.require(len == LENGTH || len == LENGTH_WITH_HDR,
                "a colour space element is 4 or 28 bytes, not " + len);
        requireKnown(PRIMARIES, b[off] & 0xFF, "primaries");
        requireKnown(TRANSFERS, b[off + 1] & 0xFF, "transfer characteristics");
        requireKnown(MATRICES, b[off + 2] & 0xFF, "matrix coefficients");
        int packed = b[off + 3] & 0xFF;
        RtpParseException.require(packed >>> 6 == 0, "colour space range byte with its top two bits set: " + packed);
        int horizontal = (packed >>> 2) & 0x03;
        int vertical = packed & 0x03;
        RtpParseException.require(horizontal <= ColorSpace.SITING_HALF && vertical <= ColorSpace.SITING_HALF,
                "colour space chroma siting 3 is undefined: " + packed);
        HdrMetadata hdr = len == LENGTH ? null : parseHdr(b, off + LENGTH);
        return new ColorSpace(b[off] & 0xFF, b[off + 1] & 0xFF, b[off + 2] & 0xFF,
                ColorSpace.Range.values()[packed >>> 4], horizontal, vertical, hdr);
    }

    private static void requireKnown(Set<Integer> known, int value, String what) throws RtpParseException {
        RtpParseException.require(known.contains(value), "colour space " + what + " " + value
                + " is not an H.273 code point in use");
    }

    private static HdrMetadata parseHdr(byte[] b, int at) throws RtpParseException {
        int[] values = new int[HDR_VALUES];
        for (int i = 0; i < HDR_VALUES; i++) {
            values[i] = WireBytes.u16(b, at + 2 * i);
        }
        try {
            return HdrMetadata.ofWireOrder(values);
        } catch (IllegalArgumentException outOfRange) {
            throw new RtpParseException("colour space HDR metadata: " + outOfRange.getMessage());
        }
    }

    /** The element's value: 4 bytes, or 28 with HDR metadata. */
    public static byte[] toBytes(ColorSpace colorSpace) {
        HdrMetadata hdr = colorSpace.hdr();
        byte[] value = new byte[hdr == null ? LENGTH : LENGTH_WITH_HDR];
        value[0] = (byte) colorSpace.primaries();
        value[1] = (byte) colorSpace.transfer();
        value[2] = (byte) colorSpace.matrix();
        value[3] = (byte) (colorSpace.range().ordinal() << 4 | colorSpace.horizontalSiting() << 2
                | colorSpace.verticalSiting());
        if (hdr != null) {
            int[] values = hdr.inWireOrder();
            for (int i = 0; i < HDR_VALUES; i++) {
                WireBytes.putN(value, LENGTH + 2 * i, values[i], 2);
            }
        }
        return value;
    }

    public static void write(RtpHeaderWriter writer, int id, ColorSpace colorSpace) {
        byte[] value = toBytes(colorSpace);
        writer.addExtension(id, value, 0, value.length);
    }
}
