package io.jrtc.media.file;

/** One IVF frame: its pts in the file's time base and the coded frame (the 12-byte frame header is not kept). */
public record IvfFrame(long pts, byte[] data) {
    public static final int HEADER_LENGTH = 12;
}
