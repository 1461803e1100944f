package io.jrtc.media;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A raw I420 picture (8-bit Y plane, then U and V at half width and height, rounded up), after aiortc's (PyAV's)
 * {@code VideoFrame}: {@code pts} counts ticks of {@code clockRate} per second, so its time base is
 * {@code 1/clockRate} (90 kHz for RTP video, RFC 3551 §5). The array is shared, not copied. {@code colorSpace} says
 * how the samples map to colours: {@link ColorSpace#BT601_LIMITED} unless a decoder or the sender said otherwise;
 * encoders signal it in the bitstream and senders in the colour-space RTP header extension.
 *
 * <p>Conversions to packed RGB and BGR and {@link BufferedImage} (and back) use BT.601 limited range, what
 * browsers and FFmpeg assume for WebRTC video, whatever {@code colorSpace} says.
 */
public record VideoFrame(int width, int height, byte[] i420, long pts, int clockRate, ColorSpace colorSpace)
        implements Frame {
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
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive: " + clockRate);
        }
        Objects.requireNonNull(colorSpace, "colorSpace");
    }

    /** A BT.601 limited-range picture. */
    public VideoFrame(int width, int height, byte[] i420, long pts, int clockRate) {
        this(width, height, i420, pts, clockRate, ColorSpace.BT601_LIMITED);
    }

    /** A BT.601 limited-range picture whose pts is on the 90 kHz RTP video clock. */
    public VideoFrame(int width, int height, byte[] i420, long pts) {
        this(width, height, i420, pts, CLOCK_RATE);
    }

    /** Bytes of an I420 picture: a full-size luma plane and two chroma planes subsampled by two both ways. */
    public static int i420Size(int width, int height) {
        return width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    }

    /** Width of the U and V planes. */
    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** Height of the U and V planes. */
    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** Where the U plane starts in {@link #i420()}. */
    public int uOffset() {
        return width * height;
    }

    /** Where the V plane starts in {@link #i420()}. */
    public int vOffset() {
        return uOffset() + chromaWidth() * chromaHeight();
    }

    /** The presentation time in seconds. */
    public double time() {
        return (double) pts / clockRate;
    }

    /** The same picture with another timestamp. */
    public VideoFrame withPts(long newPts, int newClockRate) {
        return new VideoFrame(width, height, i420, newPts, newClockRate, colorSpace);
    }

    /** Another picture of the same size, time and colour space (what a transform returns). */
    public VideoFrame withI420(byte[] picture) {
        return new VideoFrame(width, height, picture, pts, clockRate, colorSpace);
    }

    /** The same picture said to be in another colour space (no sample is converted). */
    public VideoFrame withColorSpace(ColorSpace newColorSpace) {
        return new VideoFrame(width, height, i420, pts, clockRate, newColorSpace);
    }

    /** The picture as NV12: the Y plane, then U and V interleaved at half resolution. */
    public byte[] toNv12() {
        return PixelConversions.i420ToNv12(this);
    }

    /** A picture from NV12 bytes (Y plane, then interleaved UV). */
    public static VideoFrame fromNv12(int width, int height, byte[] nv12, long pts, int clockRate) {
        return new VideoFrame(width, height, PixelConversions.nv12ToI420(width, height, nv12), pts, clockRate);
    }

    /** Packed 24-bit RGB, three bytes a pixel, rows top to bottom. */
    public byte[] toRgb() {
        return PixelConversions.i420ToPacked(this, false);
    }

    /** Packed 24-bit BGR (OpenCV's order), three bytes a pixel, rows top to bottom. */
    public byte[] toBgr() {
        return PixelConversions.i420ToPacked(this, true);
    }

    /** A picture from packed 24-bit RGB. */
    public static VideoFrame fromRgb(int width, int height, byte[] rgb, long pts, int clockRate) {
        return new VideoFrame(width, height, PixelConversions.packedToI420(width, height, rgb, false), pts,
                clockRate);
    }

    /** A picture from packed 24-bit BGR (OpenCV's order). */
    public static VideoFrame fromBgr(int width, int height, byte[] bgr, long pts, int clockRate) {
        return new VideoFrame(width, height, PixelConversions.packedToI420(width, height, bgr, true), pts,
                clockRate);
    }

    /** The picture as a new {@link BufferedImage#TYPE_3BYTE_BGR} image. */
    public BufferedImage toBufferedImage() {
        return PixelConversions.toImage(this);
    }

    /** A picture from any {@link BufferedImage}; pts on the 90 kHz clock. */
    public static VideoFrame fromBufferedImage(BufferedImage image, long pts) {
        return fromBgr(image.getWidth(), image.getHeight(), PixelConversions.bgrOf(image), pts, CLOCK_RATE);
    }
}
