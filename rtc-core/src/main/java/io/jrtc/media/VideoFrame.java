package io.jrtc.media;

/**
 * A raw I420 picture (8-bit Y plane, then U and V at half width and height, rounded up); {@code pts} on a 90 kHz
 * clock (RFC 3551 §5: video RTP clocks run at 90 kHz). The array is shared, not copied.
 */
public record VideoFrame(int width, int height, byte[] i420, long pts) implements Frame {
    /** The RTP clock rate of video (RFC 3551 §5). */
    public static final int CLOCK_RATE = 90_000;

    public VideoFrame {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        if (i420.length != i420Size(width, height)) {
            throw new IllegalArgumentException("an I420 " + width + "x" + height + " picture holds "
                    + i420Size(width, height) + " bytes, not " + i420.length);
        }
    }

    /** Bytes of an I420 picture: a full-size luma plane and two chroma planes subsampled by two both ways. */
    public static int i420Size(int width, int height) {
        return width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    }
}
