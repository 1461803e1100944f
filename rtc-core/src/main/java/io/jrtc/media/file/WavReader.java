package io.jrtc.media.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads 16-bit PCM from a WAV file: a RIFF "WAVE" form (RIFF, Microsoft Multimedia Programming Interface and Data
 * Specifications 1.0) whose "fmt " chunk is WAVE_FORMAT_PCM, or WAVE_FORMAT_EXTENSIBLE with the PCM sub-format,
 * at 16 bits per sample; chunks it does not know are skipped. A data size of 0xFFFFFFFF (written by streaming
 * tools that never came back to fix it) means: up to the end of the file.
 */
public final class WavReader implements Closeable {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
    private static final int MAX_CHANNELS = 64;

    private final LittleEndianInput in;
    private final int sampleRate;
    private final int channels;
    private long dataLeft;

    public WavReader(InputStream stream) throws IOException {
        this.in = new LittleEndianInput(stream);
        MediaFileFormatException.require(in.tag(4, "RIFF header").equals("RIFF"), "not a RIFF file");
        in.u32("RIFF size");
        MediaFileFormatException.require(in.tag(4, "RIFF header").equals("WAVE"), "RIFF form is not WAVE");
        int[] format = null;
        while (true) {
            String id = in.tag(4, "chunk header");
            long size = in.u32("chunk size");
            if (id.equals("fmt ")) {
                format = readFormat(size);
            } else if (id.equals("data")) {
                MediaFileFormatException.require(format != null, "data chunk before the fmt chunk");
                dataLeft = size == UNKNOWN_SIZE ? Long.MAX_VALUE : size;
                MediaFileFormatException.require(dataLeft % (2L * format[1]) == 0 || size == UNKNOWN_SIZE,
                        "data chunk of " + size + " bytes holds a partial sample frame");
                break;
            } else {
                in.skip(size + (size & 1), id + " chunk");
            }
        }
        this.sampleRate = format[0];
        this.channels = format[1];
    }

    private int[] readFormat(long size) throws IOException {
        MediaFileFormatException.require(size >= 16 && size <= 1024, "fmt chunk of " + size + " bytes");
        byte[] fmt = in.bytes(size + (size & 1), "fmt chunk");
        int tag = u16(fmt, 0);
        int channels = u16(fmt, 2);
        long rate = LittleEndianInput.u32(fmt, 4);
        int blockAlign = u16(fmt, 12);
        int bits = u16(fmt, 14);
        if (tag == FORMAT_EXTENSIBLE) {
            // WAVEFORMATEXTENSIBLE: cbSize, valid bits, channel mask, then the sub-format GUID led by the format tag
            MediaFileFormatException.require(size >= 40, "extensible fmt chunk too short");
            tag = u16(fmt, 24);
        }
        MediaFileFormatException.require(tag == FORMAT_PCM, "WAV format " + tag + " is not PCM");
        MediaFileFormatException.require(bits == 16, bits + " bits per sample, only 16 are read");
        MediaFileFormatException.require(channels >= 1 && channels <= MAX_CHANNELS, channels + " channels");
        MediaFileFormatException.require(rate >= 1 && rate <= 1_000_000, "sample rate " + rate);
        MediaFileFormatException.require(blockAlign == 2 * channels, "block align " + blockAlign + " for "
                + channels + " channels of 16 bits");
        return new int[] {(int) rate, channels};
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /**
     * The next samples, interleaved: {@code samplesPerChannel} per channel, fewer at the end of the data, null
     * after it.
     */
    public short[] read(int samplesPerChannel) throws IOException {
        if (samplesPerChannel <= 0) {
            throw new IllegalArgumentException("samples per channel must be positive: " + samplesPerChannel);
        }
        if (dataLeft == 0) {
            return null;
        }
        long want = Math.min(dataLeft, 2L * channels * samplesPerChannel);
        byte[] bytes;
        if (dataLeft == Long.MAX_VALUE) {
            bytes = readToEndOrLength((int) want);
            if (bytes.length == 0) {
                dataLeft = 0;
                return null;
            }
        } else {
            bytes = in.bytes(want, "data chunk");
            dataLeft -= want;
        }
        short[] samples = new short[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((bytes[2 * i] & 0xFF) | bytes[2 * i + 1] << 8);
        }
        return samples;
    }

    /** For data of unknown size: up to {@code length} bytes, whole sample frames only. */
    private byte[] readToEndOrLength(int length) throws IOException {
        byte[] bytes = in.upTo(length);
        MediaFileFormatException.require(bytes.length % (2 * channels) == 0, "file ends inside a sample frame");
        return bytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }
}
