package io.jrtc.media;

/**
 * A moving colour test pattern in I420: the seven 75% colour bars (ITU-R BT.801) over the top two thirds, a grey
 * ramp below them, and a box sliding four pixels a frame across the ramp, so that consecutive frames differ and an
 * encoder has motion to code. Picture n is the same every time it is drawn.
 */
public final class TestPattern {
    /** Y, U, V of white, yellow, cyan, green, magenta, red and blue at 75% (BT.601 limited range). */
    private static final int[][] BARS = {
        {180, 128, 128}, {162, 44, 142}, {131, 156, 44}, {112, 72, 58}, {84, 184, 198}, {65, 100, 212},
        {35, 212, 114}};
    /** Y, U, V of the box: full red, inside the RGB gamut so that RGB conversions keep it. */
    private static final int[] BOX = {82, 90, 240};
    private static final int BOX_STEP = 4;

    private final int width;
    private final int height;
    private final byte[] background;

    public TestPattern(int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("a test pattern needs at least 2x2 pixels: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.background = drawBackground();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Picture number {@code index}, a fresh array. */
    public byte[] picture(long index) {
        byte[] picture = background.clone();
        int boxWidth = even(Math.max(2, width / 8));
        int boxHeight = even(Math.max(2, height / 6));
        int span = Math.max(2, width - boxWidth);
        int left = even((int) ((index * BOX_STEP) % span));
        int top = even(Math.min(height - boxHeight, height * 2 / 3 + (height / 3 - boxHeight) / 2));
        fill(picture, left, top, boxWidth, boxHeight, BOX[0], BOX[1], BOX[2]);
        return picture;
    }

    /** Picture number {@code index} as a frame with the given pts on the 90 kHz clock. */
    public VideoFrame frame(long index, long pts) {
        return new VideoFrame(width, height, picture(index), pts);
    }

    private byte[] drawBackground() {
        byte[] picture = new byte[VideoFrame.i420Size(width, height)];
        int barsHeight = even(height * 2 / 3);
        for (int bar = 0; bar < BARS.length; bar++) {
            int left = even(bar * width / BARS.length);
            int right = bar == BARS.length - 1 ? width : even((bar + 1) * width / BARS.length);
            fill(picture, left, 0, right - left, barsHeight, BARS[bar][0], BARS[bar][1], BARS[bar][2]);
        }
        for (int y = barsHeight; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture[y * width + x] = (byte) (16 + 219 * x / Math.max(1, width - 1));
            }
        }
        int chromaWidth = (width + 1) / 2;
        int chromaHeight = (height + 1) / 2;
        int chromaPlane = chromaWidth * chromaHeight;
        for (int cy = barsHeight / 2; cy < chromaHeight; cy++) {
            for (int cx = 0; cx < chromaWidth; cx++) {
                picture[width * height + cy * chromaWidth + cx] = (byte) 128;
                picture[width * height + chromaPlane + cy * chromaWidth + cx] = (byte) 128;
            }
        }
        return picture;
    }

    /** Fills a rectangle with even left and top (so its chroma is its own) with one colour. */
    private void fill(byte[] picture, int left, int top, int w, int h, int y, int u, int v) {
        int right = Math.min(width, left + w);
        int bottom = Math.min(height, top + h);
        for (int row = top; row < bottom; row++) {
            for (int x = left; x < right; x++) {
                picture[row * width + x] = (byte) y;
            }
        }
        int chromaWidth = (width + 1) / 2;
        int chromaPlane = chromaWidth * ((height + 1) / 2);
        for (int row = top / 2; row < (bottom + 1) / 2; row++) {
            for (int x = left / 2; x < (right + 1) / 2; x++) {
                picture[width * height + row * chromaWidth + x] = (byte) u;
                picture[width * height + chromaPlane + row * chromaWidth + x] = (byte) v;
            }
        }
    }

    private static int even(int value) {
        return value & ~1;
    }
}
