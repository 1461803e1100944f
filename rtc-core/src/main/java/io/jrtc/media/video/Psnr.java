package io.jrtc.media.video;

import io.jrtc.media.VideoFrame;

/** Peak signal-to-noise ratio between two pictures of one size, in dB (8-bit peak 255); identical is infinite. */
public final class Psnr {
    private Psnr() {
    }

    /** Over the Y plane alone. */
    public static double luma(VideoFrame a, VideoFrame b) {
        checkSameSize(a, b);
        return of(a.i420(), b.i420(), 0, a.width() * a.height());
    }

    /** Over all three planes, each byte weighing the same (as FFmpeg's psnr filter reports "average"). */
    public static double all(VideoFrame a, VideoFrame b) {
        checkSameSize(a, b);
        return of(a.i420(), b.i420(), 0, a.i420().length);
    }

    private static double of(byte[] a, byte[] b, int from, int to) {
        long squares = 0;
        for (int i = from; i < to; i++) {
            int d = (a[i] & 0xFF) - (b[i] & 0xFF);
            squares += d * d;
        }
        if (squares == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = (double) squares / (to - from);
        return 10 * Math.log10(255.0 * 255.0 / mse);
    }

    private static void checkSameSize(VideoFrame a, VideoFrame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("pictures differ in size: " + a.width() + "x" + a.height() + " and "
                    + b.width() + "x" + b.height());
        }
    }
}
