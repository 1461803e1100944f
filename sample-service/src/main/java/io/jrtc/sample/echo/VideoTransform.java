package io.jrtc.sample.echo;

import java.util.Arrays;
import java.util.Locale;

import io.jrtc.media.VideoFrame;

/**
 * The pictures transforms the echo can put the client's video through ({@code POST /echo?video-transform=NAME}),
 * after aiortc's server example: each takes an I420 picture and returns a new one of the same size and pts.
 */
enum VideoTransform {
    /** Luma kept, chroma flat: the picture in shades of grey. */
    GRAYSCALE {
        @Override
        VideoFrame apply(VideoFrame frame) {
            byte[] out = frame.i420().clone();
            Arrays.fill(out, frame.uOffset(), out.length, (byte) 128);
            return same(frame, out);
        }
    },
    /** Upside down: each plane's rows in reverse order. */
    FLIP {
        @Override
        VideoFrame apply(VideoFrame frame) {
            byte[] in = frame.i420();
            byte[] out = new byte[in.length];
            flipPlane(in, out, 0, frame.width(), frame.height());
            flipPlane(in, out, frame.uOffset(), frame.chromaWidth(), frame.chromaHeight());
            flipPlane(in, out, frame.vOffset(), frame.chromaWidth(), frame.chromaHeight());
            return same(frame, out);
        }
    },
    /** Edges: the Sobel gradient's magnitude of the luma, bright on dark, chroma flat. */
    EDGES {
        @Override
        VideoFrame apply(VideoFrame frame) {
            byte[] in = frame.i420();
            byte[] out = new byte[in.length];
            int width = frame.width();
            int height = frame.height();
            Arrays.fill(out, 0, frame.uOffset(), (byte) 16);
            for (int y = 1; y < height - 1; y++) {
                for (int x = 1; x < width - 1; x++) {
                    int gx = luma(in, width, x + 1, y - 1) + 2 * luma(in, width, x + 1, y)
                            + luma(in, width, x + 1, y + 1) - luma(in, width, x - 1, y - 1)
                            - 2 * luma(in, width, x - 1, y) - luma(in, width, x - 1, y + 1);
                    int gy = luma(in, width, x - 1, y + 1) + 2 * luma(in, width, x, y + 1)
                            + luma(in, width, x + 1, y + 1) - luma(in, width, x - 1, y - 1)
                            - 2 * luma(in, width, x, y - 1) - luma(in, width, x + 1, y - 1);
                    out[y * width + x] = (byte) Math.min(235, 16 + (Math.abs(gx) + Math.abs(gy)) / 2);
                }
            }
            Arrays.fill(out, frame.uOffset(), out.length, (byte) 128);
            return same(frame, out);
        }
    };

    /** The transformed picture: same size, timestamp and colour space. */
    abstract VideoFrame apply(VideoFrame frame);

    /** The query parameter's value for this transform. */
    String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The transform a query parameter names (case-insensitive), or null. */
    static VideoTransform byName(String name) {
        for (VideoTransform transform : values()) {
            if (transform.parameter().equalsIgnoreCase(name)) {
                return transform;
            }
        }
        return null;
    }

    private static VideoFrame same(VideoFrame frame, byte[] picture) {
        return frame.withI420(picture);
    }

    private static void flipPlane(byte[] in, byte[] out, int offset, int width, int height) {
        for (int row = 0; row < height; row++) {
            System.arraycopy(in, offset + row * width, out, offset + (height - 1 - row) * width, width);
        }
    }

    private static int luma(byte[] picture, int width, int x, int y) {
        return picture[y * width + x] & 0xFF;
    }
}
