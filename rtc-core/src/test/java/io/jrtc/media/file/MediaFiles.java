package io.jrtc.media.file;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.VirtualMediaClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Test helpers: files written with the package's writers, and tracks read on a virtual clock. */
final class MediaFiles {
    private MediaFiles() {
    }

    static FileChannel create(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A 48 kHz mono WAV whose sample i is {@code i % 1000}. */
    static Path rampWav(Path file, int samples) throws IOException {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) {
            pcm[i] = (short) (i % 1000);
        }
        try (WavWriter writer = new WavWriter(create(file), 48_000, 1)) {
            writer.write(pcm);
        }
        return file;
    }

    /** A VP8 frame: a keyframe with the 9d 01 2a start code and a picture size, or an interframe. */
    static byte[] vp8Frame(boolean keyframe, int width, int height, int filler, int length) {
        byte[] frame = new byte[Math.max(length, 10)];
        java.util.Arrays.fill(frame, (byte) filler);
        frame[0] = (byte) (keyframe ? 0x10 : 0x11);
        if (keyframe) {
            frame[3] = (byte) 0x9d;
            frame[4] = 0x01;
            frame[5] = 0x2a;
            frame[6] = (byte) width;
            frame[7] = (byte) (width >> 8);
            frame[8] = (byte) height;
            frame[9] = (byte) (height >> 8);
        }
        return frame;
    }

    /**
     * The next frame of a track, advancing the clock to the next timer until it is there; null once the track has
     * ended.
     */
    static Frame next(MediaStreamTrack track, VirtualMediaClock clock) {
        CompletableFuture<Frame> future = track.recv();
        while (!future.isDone()) {
            long deadline = clock.nextDeadline();
            if (deadline == Long.MAX_VALUE) {
                throw new AssertionError("frame never comes: no timer pending");
            }
            clock.advanceTo(deadline);
        }
        try {
            return future.join();
        } catch (CompletionException ended) {
            return null;
        }
    }

    static List<Frame> all(MediaStreamTrack track, VirtualMediaClock clock) {
        List<Frame> frames = new ArrayList<>();
        for (Frame frame = next(track, clock); frame != null; frame = next(track, clock)) {
            frames.add(frame);
        }
        return frames;
    }
}
