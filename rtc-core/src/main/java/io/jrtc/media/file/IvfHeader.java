package io.jrtc.media.file;

import java.nio.charset.StandardCharsets;

/**
 * The 32-byte file header of IVF, libvpx's container for VP8, VP9 and AV1 frames: "DKIF", version 0, header
 * length 32, the codec's fourcc ("VP80", "VP90", "AV01"), picture size, the time base as
 * {@code timebaseNumerator / timebaseDenominator} seconds per pts tick, and the frame count. All little-endian.
 */
public record IvfHeader(String fourcc, int width, int height, long timebaseDenominator, long timebaseNumerator,
                        long frameCount) {
    public static final int LENGTH = 32;
    public static final String VP8 = "VP80";

    public IvfHeader {
        if (fourcc.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(fourcc)) {
            throw new IllegalArgumentException("fourcc must be four ASCII characters: " + fourcc);
        }
        if (width < 0 || width > 0xFFFF || height < 0 || height > 0xFFFF) {
            throw new IllegalArgumentException("picture size out of 16 bits: " + width + "x" + height);
        }
        if (timebaseDenominator <= 0 || timebaseDenominator > 0xFFFF_FFFFL || timebaseNumerator <= 0
                || timebaseNumerator > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("time base must be positive 32-bit: " + timebaseNumerator + "/"
                    + timebaseDenominator);
        }
        if (frameCount < 0 || frameCount > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("frame count out of 32 bits: " + frameCount);
        }
    }

    public static IvfHeader parse(byte[] b) throws MediaFileFormatException {
        MediaFileFormatException.require(b.length >= LENGTH, "IVF header needs 32 bytes, got " + b.length);
        MediaFileFormatException.require(b[0] == 'D' && b[1] == 'K' && b[2] == 'I' && b[3] == 'F',
                "not an IVF file");
        int version = u16(b, 4);
        int headerLength = u16(b, 6);
        MediaFileFormatException.require(version == 0, "IVF version " + version);
        MediaFileFormatException.require(headerLength == LENGTH, "IVF header length " + headerLength);
        String fourcc = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
        MediaFileFormatException.require(fourcc.chars().allMatch(c -> c >= 0x20 && c < 0x7F), "fourcc not ASCII");
        long rate = LittleEndianInput.u32(b, 16);
        long scale = LittleEndianInput.u32(b, 20);
        MediaFileFormatException.require(rate > 0 && scale > 0, "IVF time base " + scale + "/" + rate);
        return new IvfHeader(fourcc, u16(b, 12), u16(b, 14), rate, scale, LittleEndianInput.u32(b, 24));
    }

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        WavWriter.ascii(b, 0, "DKIF");
        LittleEndianInput.putU16(b, 6, LENGTH);
        WavWriter.ascii(b, 8, fourcc);
        LittleEndianInput.putU16(b, 12, width);
        LittleEndianInput.putU16(b, 14, height);
        LittleEndianInput.putU32(b, 16, timebaseDenominator);
        LittleEndianInput.putU32(b, 20, timebaseNumerator);
        LittleEndianInput.putU32(b, 24, frameCount);
        return b;
    }

    public IvfHeader withFrameCount(long frames) {
        return new IvfHeader(fourcc, width, height, timebaseDenominator, timebaseNumerator, frames);
    }

    /** A pts in this time base, in ticks of a {@code clockRate} Hz clock (rounded down). */
    public long toClock(long pts, long clockRate) {
        try {
            return Math.multiplyExact(pts, clockRate * timebaseNumerator) / timebaseDenominator;
        } catch (ArithmeticException overflow) {
            return java.math.BigInteger.valueOf(pts).multiply(java.math.BigInteger.valueOf(clockRate))
                    .multiply(java.math.BigInteger.valueOf(timebaseNumerator))
                    .divide(java.math.BigInteger.valueOf(timebaseDenominator)).longValue();
        }
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }
}
