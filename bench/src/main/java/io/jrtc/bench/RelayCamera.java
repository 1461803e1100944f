package io.jrtc.bench;

import io.jrtc.media.BufferedTrack;
import io.jrtc.media.EncodedFrame;
import io.jrtc.media.MediaKind;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publisher's encoder, faked: coded VP8 frames of {@value #FRAME_BYTES} bytes at {@value #FPS} fps (about
 * 2 Mbit/s), every {@value #GOP_FRAMES}th a keyframe, and a keyframe as soon as one is asked for (a PLI).
 * Only the first byte matters to the stack: its bit 0 (the VP8 P bit) is clear in a keyframe.
 */
final class RelayCamera implements AutoCloseable {
    static final int FPS = 30;
    static final int FRAME_BYTES = 8333;
    static final int GOP_FRAMES = 60;
    private static final long RTP_TICKS_PER_FRAME = 90_000 / FPS;

    private final BufferedTrack track = new BufferedTrack(MediaKind.VIDEO, 64);
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "relay-camera");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final byte[] keyframe = pattern(7, true);
    private final byte[] delta = pattern(13, false);

    RelayCamera() {
        track.onKeyframeRequest(() -> keyframeWanted.set(true));
    }

    BufferedTrack track() {
        return track;
    }

    void start() {
        clock.scheduleAtFixedRate(this::capture, 0, 1_000_000 / FPS, TimeUnit.MICROSECONDS);
    }

    /** Frames pushed so far. */
    long sent() {
        return sent.get();
    }

    private void capture() {
        long index = sent.get();
        boolean key = index % GOP_FRAMES == 0 || keyframeWanted.getAndSet(false);
        track.push(new EncodedFrame("video/VP8", 90_000, key ? keyframe : delta, index * RTP_TICKS_PER_FRAME, key));
        sent.incrementAndGet();
    }

    private static byte[] pattern(int step, boolean key) {
        byte[] frame = new byte[FRAME_BYTES];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) (i * step);
        }
        frame[0] = (byte) (key ? frame[0] & 0xFE : frame[0] | 0x01);
        return frame;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        track.stop();
    }
}
