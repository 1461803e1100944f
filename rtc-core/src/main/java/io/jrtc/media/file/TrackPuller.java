package io.jrtc.media.file;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Reads a track with a chain of {@link MediaStreamTrack#recv()} futures, no thread of its own: frames that are
 * already there are taken in a loop (no recursion however many are ready), otherwise the next frame's completion
 * continues the chain. Ends when the track ends or {@link #stop()} is called.
 */
final class TrackPuller {
    private final MediaStreamTrack track;
    private final Consumer<Frame> onFrame;
    private final Runnable onEnd;
    private volatile boolean stopped;

    TrackPuller(MediaStreamTrack track, Consumer<Frame> onFrame, Runnable onEnd) {
        this.track = track;
        this.onFrame = onFrame;
        this.onEnd = onEnd;
    }

    void start() {
        pull();
    }

    void stop() {
        stopped = true;
    }

    private void pull() {
        while (!stopped) {
            CompletableFuture<Frame> next = track.recv();
            if (!next.isDone()) {
                next.whenComplete((frame, error) -> {
                    if (take(frame, error)) {
                        pull();
                    }
                });
                return;
            }
            Frame frame = null;
            Throwable error = null;
            try {
                frame = next.join();
            } catch (RuntimeException e) {
                error = e;
            }
            if (!take(frame, error)) {
                return;
            }
        }
    }

    /** @return whether to go on */
    private boolean take(Frame frame, Throwable error) {
        if (error != null) {
            onEnd.run();
            return false;
        }
        if (stopped) {
            return false;
        }
        onFrame.accept(frame);
        return true;
    }
}
