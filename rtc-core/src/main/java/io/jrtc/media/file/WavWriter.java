package io.jrtc.media.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Writes 16-bit PCM as a canonical 44-byte-header WAV file (RIFF "WAVE", WAVE_FORMAT_PCM). The sizes in the
 * header are written as zero and filled in by {@link #close()}, hence the seekable channel.
 */
public final class WavWriter implements Closeable {
    /** RIFF header, fmt chunk of 16 bytes, data chunk header. */
    public static final int HEADER_BYTES = 44;

    private final SeekableByteChannel channel;
    private final int sampleRate;
    private final int channels;
    private long dataBytes;
    private boolean closed;

    public WavWriter(SeekableByteChannel channel, int sampleRate, int channels) throws IOException {
        if (sampleRate <= 0 || channels <= 0 || channels > 64) {
            throw new IllegalArgumentException("need a positive rate and 1..64 channels: " + sampleRate + " Hz, "
                    + channels + " channels");
        }
        this.channel = channel;
        this.sampleRate = sampleRate;
        this.channels = channels;
        writeFully(ByteBuffer.wrap(header(sampleRate, channels, 0)));
    }

    /** Appends interleaved samples, a whole number of sample frames. */
    public void write(short[] samples) throws IOException {
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(samples.length + " samples do not split into " + channels
                    + " channels");
        }
        ByteBuffer bytes = ByteBuffer.allocate(2 * samples.length);
        for (short sample : samples) {
            bytes.put((byte) sample).put((byte) (sample >> 8));
        }
        writeFully(bytes.flip());
        dataBytes += 2L * samples.length;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Fills in the sizes and closes the channel. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            channel.position(0);
            writeFully(ByteBuffer.wrap(header(sampleRate, channels, dataBytes)));
        }
    }

    /** The 44-byte header of a PCM WAV file holding {@code dataBytes} of samples. */
    public static byte[] header(int sampleRate, int channels, long dataBytes) {
        long clamped = Math.min(dataBytes, 0xFFFF_FFFFL - 36);
        byte[] h = new byte[HEADER_BYTES];
        ascii(h, 0, "RIFF");
        LittleEndianInput.putU32(h, 4, 36 + clamped);
        ascii(h, 8, "WAVE");
        ascii(h, 12, "fmt ");
        LittleEndianInput.putU32(h, 16, 16);
        LittleEndianInput.putU16(h, 20, 1);
        LittleEndianInput.putU16(h, 22, channels);
        LittleEndianInput.putU32(h, 24, sampleRate);
        LittleEndianInput.putU32(h, 28, (long) sampleRate * channels * 2);
        LittleEndianInput.putU16(h, 32, channels * 2);
        LittleEndianInput.putU16(h, 34, 16);
        ascii(h, 36, "data");
        LittleEndianInput.putU32(h, 40, clamped);
        return h;
    }

    static void ascii(byte[] into, int off, String tag) {
        for (int i = 0; i < tag.length(); i++) {
            into[off + i] = (byte) tag.charAt(i);
        }
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
