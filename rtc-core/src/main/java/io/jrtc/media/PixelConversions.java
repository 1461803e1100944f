package io.jrtc.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * I420 to and from NV12 and packed RGB/BGR, BT.601 limited range in the integer form of ITU-R BT.601 (the
 * coefficients libyuv and FFmpeg's swscale use); chroma is the average of each 2x2 block.
 */
final class PixelConversions {
    private PixelConversions() {
    }

    static byte[] i420ToNv12(VideoFrame frame) {
        byte[] in = frame.i420();
        byte[] out = new byte[in.length];
        int luma = frame.uOffset();
        System.arraycopy(in, 0, out, 0, luma);
        int chroma = frame.chromaWidth() * frame.chromaHeight();
        for (int i = 0; i < chroma; i++) {
            out[luma + 2 * i] = in[luma + i];
            out[luma + 2 * i + 1] = in[luma + chroma + i];
        }
        return out;
    }

    static byte[] nv12ToI420(int width, int height, byte[] nv12) {
        int size = VideoFrame.i420Size(width, height);
        if (nv12.length != size) {
            throw new IllegalArgumentException("an NV12 " + width + "x" + height + " picture holds " + size
                    + " bytes, not " + nv12.length);
        }
        byte[] out = new byte[size];
        int luma = width * height;
        System.arraycopy(nv12, 0, out, 0, luma);
        int chroma = (size - luma) / 2;
        for (int i = 0; i < chroma; i++) {
            out[luma + i] = nv12[luma + 2 * i];
            out[luma + chroma + i] = nv12[luma + 2 * i + 1];
        }
        return out;
    }

    static byte[] i420ToPacked(VideoFrame frame, boolean bgr) {
        int width = frame.width();
        int height = frame.height();
        byte[] in = frame.i420();
        byte[] out = new byte[width * height * 3];
        int uOffset = frame.uOffset();
        int vOffset = frame.vOffset();
        int chromaWidth = frame.chromaWidth();
        int red = bgr ? 2 : 0;
        int blue = bgr ? 0 : 2;
        for (int y = 0; y < height; y++) {
            int chromaRow = (y >> 1) * chromaWidth;
            for (int x = 0; x < width; x++) {
                int c = 298 * ((in[y * width + x] & 0xFF) - 16);
                int d = (in[uOffset + chromaRow + (x >> 1)] & 0xFF) - 128;
                int e = (in[vOffset + chromaRow + (x >> 1)] & 0xFF) - 128;
                int p = (y * width + x) * 3;
                out[p + red] = clip((c + 409 * e + 128) >> 8);
                out[p + 1] = clip((c - 100 * d - 208 * e + 128) >> 8);
                out[p + blue] = clip((c + 516 * d + 128) >> 8);
            }
        }
        return out;
    }

    static byte[] packedToI420(int width, int height, byte[] packed, boolean bgr) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        if (packed.length != width * height * 3) {
            throw new IllegalArgumentException("a packed " + width + "x" + height + " picture holds "
                    + width * height * 3 + " bytes, not " + packed.length);
        }
        byte[] out = new byte[VideoFrame.i420Size(width, height)];
        int red = bgr ? 2 : 0;
        int blue = bgr ? 0 : 2;
        for (int i = 0; i < width * height; i++) {
            int r = packed[3 * i + red] & 0xFF;
            int g = packed[3 * i + 1] & 0xFF;
            int b = packed[3 * i + blue] & 0xFF;
            out[i] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
        }
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        int uOffset = width * height;
        int vOffset = uOffset + chromaWidth * chromaHeight;
        for (int cy = 0; cy < chromaHeight; cy++) {
            for (int cx = 0; cx < chromaWidth; cx++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int y = 2 * cy; y < Math.min(height, 2 * cy + 2); y++) {
                    for (int x = 2 * cx; x < Math.min(width, 2 * cx + 2); x++) {
                        int p = 3 * (y * width + x);
                        r += packed[p + red] & 0xFF;
                        g += packed[p + 1] & 0xFF;
                        b += packed[p + blue] & 0xFF;
                        n++;
                    }
                }
                r /= n;
                g /= n;
                b /= n;
                out[uOffset + cy * chromaWidth + cx] = (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
                out[vOffset + cy * chromaWidth + cx] = (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
            }
        }
        return out;
    }

    static BufferedImage toImage(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] bgr = i420ToPacked(frame, true);
        System.arraycopy(bgr, 0, target, 0, bgr.length);
        return image;
    }

    /** The image's pixels as packed BGR, copied straight from a 3-byte BGR raster, else drawn pixel by pixel. */
    static byte[] bgrOf(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getDataBuffer() instanceof DataBufferByte bytes
                && bytes.getData().length == width * height * 3) {
            return bytes.getData().clone();
        }
        byte[] bgr = new byte[width * height * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = 3 * (y * width + x);
                bgr[p] = (byte) row[x];
                bgr[p + 1] = (byte) (row[x] >> 8);
                bgr[p + 2] = (byte) (row[x] >> 16);
            }
        }
        return bgr;
    }

    private static byte clip(int value) {
        return (byte) Math.max(0, Math.min(255, value));
    }
}
