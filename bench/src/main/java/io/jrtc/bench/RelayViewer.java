package io.jrtc.bench;

import io.jrtc.media.EncodedFrame;
import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A viewer's counters: frames and frame bytes read from its received track, and when the first keyframe came (the
 * first picture a viewer can show; bench/pion-relay counts the same).
 */
final class RelayViewer {
    final CompletableFuture<Void> firstFrame = new CompletableFuture<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    long frames() {
        return frames.get();
    }

    long bytes() {
        return bytes.get();
    }

    /**
     * Reads {@code track} until it ends. Frames already there are taken in this loop rather than by nested
     * callbacks, so a full buffer cannot grow the stack.
     */
    void read(MediaStreamTrack track) {
        while (true) {
            CompletableFuture<Frame> next = track.recv();
            if (!next.isDone()) {
                next.whenComplete((frame, error) -> {
                    if (error == null) {
                        count(frame);
                        read(track);
                    }
                });
                return;
            }
            if (next.isCompletedExceptionally()) {
                return;
            }
            count(next.join());
        }
    }

    private void count(Frame frame) {
        if (frame instanceof EncodedFrame coded) {
            frames.incrementAndGet();
            bytes.addAndGet(coded.data().length);
            if (coded.keyframe()) {
                firstFrame.complete(null);
            }
        }
    }
}
