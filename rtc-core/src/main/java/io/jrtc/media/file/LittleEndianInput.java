package io.jrtc.media.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the little-endian fields of RIFF, IVF and Ogg from a stream; a stream that ends inside a field or a
 * payload is a {@link MediaFileFormatException}, so a truncated file never reads as a short one.
 */
final class LittleEndianInput {
    private final InputStream in;

    LittleEndianInput(InputStream in) {
        this.in = in.markSupported() ? in : new BufferedInputStream(in);
    }

    /** Whether the stream has no byte left; consumes nothing. */
    boolean atEnd() throws IOException {
        in.mark(1);
        int next = in.read();
        in.reset();
        return next < 0;
    }

    /**
     * Exactly {@code length} bytes. Reads in pieces, so a length field claiming gigabytes fails at the end of a
     * short file instead of allocating what it claims.
     */
    byte[] bytes(long length, String what) throws IOException {
        MediaFileFormatException.require(length >= 0 && length <= Integer.MAX_VALUE - 8,
                what + " of impossible length " + length);
        int size = (int) length;
        if (size <= 1 << 16) {
            byte[] data = in.readNBytes(size);
            MediaFileFormatException.require(data.length == size, "file ends inside " + what);
            return data;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 16);
        byte[] chunk = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int read = in.readNBytes(chunk, 0, (int) Math.min(chunk.length, left));
            MediaFileFormatException.require(read > 0, "file ends inside " + what);
            out.write(chunk, 0, read);
            left -= read;
        }
        return out.toByteArray();
    }

    /** Up to {@code length} bytes: fewer only at the end of the stream. */
    byte[] upTo(int length) throws IOException {
        return in.readNBytes(length);
    }

    void skip(long length, String what) throws IOException {
        long left = length;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                MediaFileFormatException.require(in.read() >= 0, "file ends inside " + what);
                skipped = 1;
            }
            left -= skipped;
        }
    }

    int u8(String what) throws IOException {
        int b = in.read();
        MediaFileFormatException.require(b >= 0, "file ends inside " + what);
        return b;
    }

    int u16(String what) throws IOException {
        byte[] b = bytes(2, what);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    long u32(String what) throws IOException {
        return u32(bytes(4, what), 0);
    }

    long u64(String what) throws IOException {
        byte[] b = bytes(8, what);
        return u32(b, 0) | u32(b, 4) << 32;
    }

    /** A fourcc or other ASCII tag. */
    String tag(int length, String what) throws IOException {
        return new String(bytes(length, what), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    void close() throws IOException {
        in.close();
    }

    static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    static void putU16(byte[] b, int off, int value) {
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >>> 8);
    }

    static void putU32(byte[] b, int off, long value) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (value >>> (8 * i));
        }
    }

    static void putU64(byte[] b, int off, long value) {
        putU32(b, off, value);
        putU32(b, off + 4, value >>> 32);
    }
}
