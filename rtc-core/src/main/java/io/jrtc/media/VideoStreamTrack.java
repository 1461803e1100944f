package io.jrtc.media;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * aiortc's {@code VideoStreamTrack}: a solid-colour I420 picture (default 640x480 at 30 fps, pts on the 90 kHz
 * clock advancing by 3000), paced in real time by a {@link MediaClock}. Subclasses draw other pictures by
 * overriding {@link #picture(long)}.
 */
public class VideoStreamTrack extends MediaStreamTrack {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    public static final int DEFAULT_FRAMES_PER_SECOND = 30;

    private final FramePacer pacer;
    private final int width;
    private final int height;
    private final byte[] colour;

    /** 640x480 at 30 fps, all planes zero like aiortc's (dark green), paced by {@link MediaClock#system()}. */
    public VideoStreamTrack() {
        this(MediaClock.system());
    }

    public VideoStreamTrack(MediaClock clock) {
        this(clock, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_FRAMES_PER_SECOND, 0, 0, 0);
    }

    /** A picture of one colour given as 8-bit Y, U (Cb) and V (Cr). */
    public VideoStreamTrack(MediaClock clock, int width, int height, int framesPerSecond, int y, int u, int v) {
        super(MediaKind.VIDEO);
        this.pacer = new FramePacer(clock, VideoFrame.CLOCK_RATE, framesPerSecond);
        this.width = width;
        this.height = height;
        this.colour = solidI420(width, height, y, u, v);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public CompletableFuture<Frame> recv() {
        return pacer.next(pts -> new VideoFrame(width, height, picture(pts), pts), this::endedError);
    }

    /** The I420 picture shown at {@code pts}, a fresh array: the solid colour here. */
    protected byte[] picture(long pts) {
        return colour.clone();
    }

    /** An I420 picture filled with one colour. */
    public static byte[] solidI420(int width, int height, int y, int u, int v) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("picture size must be positive: " + width + "x" + height);
        }
        byte[] picture = new byte[VideoFrame.i420Size(width, height)];
        int luma = width * height;
        int chroma = (picture.length - luma) / 2;
        Arrays.fill(picture, 0, luma, (byte) y);
        Arrays.fill(picture, luma, luma + chroma, (byte) u);
        Arrays.fill(picture, luma + chroma, picture.length, (byte) v);
        return picture;
    }

    @Override
    protected void onStop() {
        pacer.stop(this::endedError);
    }
}
