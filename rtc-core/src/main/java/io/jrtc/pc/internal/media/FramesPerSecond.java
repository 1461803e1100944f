package io.jrtc.pc.internal.media;

/**
 * Frames in the last second, as W3C webrtc-stats counts {@code framesPerSecond}: a ring of the last frames' times,
 * so a burst and a pause show at once rather than averaged away. Not thread-safe: one loop writes and reads.
 */
final class FramesPerSecond {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    /** More frames than this in a second count as this many: video runs at 60 fps, audio at 50 packets a second. */
    private static final int MAX_FRAMES = 256;

    private final long[] times = new long[MAX_FRAMES];
    private int next;
    private int count;

    void onFrame(long now) {
        times[next] = now;
        next = (next + 1) % MAX_FRAMES;
        count = Math.min(MAX_FRAMES, count + 1);
    }

    /** How many frames came in the second up to {@code now}. */
    int at(long now) {
        int inWindow = 0;
        for (int i = 1; i <= count; i++) {
            long time = times[(next - i + MAX_FRAMES) % MAX_FRAMES];
            if (now - time >= WINDOW_NANOS) {
                break;
            }
            inWindow++;
        }
        return inWindow;
    }
}
