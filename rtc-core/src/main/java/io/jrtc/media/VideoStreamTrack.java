package io.jrtc.media;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;

/**
 * aiortc's {@code VideoStreamTrack}: a solid-colour I420 picture (default 640x480 at 30 fps, pts on the 90 kHz
 * clock advancing by 3000), paced in real time by a {@link MediaClock}. Subclasses draw other pictures by
 * overriding {@link #picture(long)}; {@link #testPattern}, {@link #ofImages} and the constructor taking a callback
 * make tracks of a moving colour test pattern, of still images and of pictures drawn by the caller. An RTP sender
 * encodes these raw pictures with the negotiated codec (which needs the optional FFmpeg dependency, see
 * {@code io.jrtc.media.video}).
 */
public class VideoStreamTrack extends MediaStreamTrack {
    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 480;
    public static final int DEFAULT_FRAMES_PER_SECOND = 30;

    private final FramePacer pacer;
    private final LongFunction<VideoFrame> source;
    private volatile int width;
    private volatile int height;
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
        this.source = pts -> new VideoFrame(this.width, this.height, picture(pts), pts);
    }

    /**
     * Pictures drawn by {@code source}, called with each frame's pts (90 kHz) when the frame is asked for; the
     * picture it returns is sent with that pts, whatever pts it carries.
     */
    public VideoStreamTrack(MediaClock clock, int framesPerSecond, LongFunction<VideoFrame> source) {
        super(MediaKind.VIDEO);
        this.pacer = new FramePacer(clock, VideoFrame.CLOCK_RATE, framesPerSecond);
        this.colour = null;
        this.source = pts -> {
            VideoFrame frame = source.apply(pts);
            this.width = frame.width();
            this.height = frame.height();
            return frame.pts() == pts && frame.clockRate() == VideoFrame.CLOCK_RATE ? frame
                    : frame.withPts(pts, VideoFrame.CLOCK_RATE);
        };
    }

    /** A moving colour test pattern ({@link TestPattern}): colour bars, a grey ramp and a sliding box. */
    public static VideoStreamTrack testPattern(MediaClock clock, int width, int height, int framesPerSecond) {
        TestPattern pattern = new TestPattern(width, height);
        return new VideoStreamTrack(clock, framesPerSecond,
                pts -> new VideoFrame(width, height, pattern.picture(pts * framesPerSecond / VideoFrame.CLOCK_RATE),
                        pts));
    }

    /** Still images shown in turn, one a frame, looping; converted to I420 once. */
    public static VideoStreamTrack ofImages(MediaClock clock, int framesPerSecond, List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no image to show");
        }
        List<VideoFrame> pictures = images.stream().map(image -> VideoFrame.fromBufferedImage(image, 0)).toList();
        long[] shown = {0};
        return new VideoStreamTrack(clock, framesPerSecond,
                pts -> pictures.get((int) (shown[0]++ % pictures.size())));
    }

    /** Width of the pictures made (for a callback's track, of the last one; 0 before it). */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    @Override
    public CompletableFuture<Frame> recv() {
        return pacer.next(source::apply, this::endedError);
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
