package io.jrtc.media.file;

/**
 * The Ogg Opus identification header (RFC 7845 §5.1): "OpusHead", version 1, output channel count, pre-skip
 * (48 kHz samples to drop at the start), the input sample rate (informational), output gain in Q7.8 dB, and
 * channel mapping family 0 (mono or stereo, no mapping table), the only family written and read here.
 */
public record OpusHead(int channels, int preSkip, long inputSampleRate, int outputGain) {
    public static final int LENGTH = 19;

    public OpusHead {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channel mapping family 0 carries 1 or 2 channels, not " + channels);
        }
        if (preSkip < 0 || preSkip > 0xFFFF || inputSampleRate < 0 || inputSampleRate > 0xFFFF_FFFFL
                || outputGain < Short.MIN_VALUE || outputGain > Short.MAX_VALUE) {
            throw new IllegalArgumentException("OpusHead field out of range");
        }
    }

    public static OpusHead parse(byte[] b) throws MediaFileFormatException {
        MediaFileFormatException.require(b.length >= LENGTH && new String(b, 0, 8,
                java.nio.charset.StandardCharsets.ISO_8859_1).equals("OpusHead"), "not an OpusHead packet");
        // §5.1: a major version other than 0 (versions 0-15 are compatible) is a format we cannot read
        MediaFileFormatException.require((b[8] & 0xF0) == 0, "Ogg Opus version " + (b[8] & 0xFF));
        int channels = b[9] & 0xFF;
        MediaFileFormatException.require(b[18] == 0, "channel mapping family " + (b[18] & 0xFF) + " is not read");
        MediaFileFormatException.require(channels == 1 || channels == 2, channels + " channels in family 0");
        return new OpusHead(channels, (b[10] & 0xFF) | (b[11] & 0xFF) << 8, LittleEndianInput.u32(b, 12),
                (short) ((b[16] & 0xFF) | (b[17] & 0xFF) << 8));
    }

    public byte[] encode() {
        byte[] b = new byte[LENGTH];
        WavWriter.ascii(b, 0, "OpusHead");
        b[8] = 1;
        b[9] = (byte) channels;
        LittleEndianInput.putU16(b, 10, preSkip);
        LittleEndianInput.putU32(b, 12, inputSampleRate);
        LittleEndianInput.putU16(b, 16, outputGain);
        return b;
    }
}
