package io.jrtc.media;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;

/**
 * Reads a track with a chain of {@link MediaStreamTrack#recv()} futures and no thread of its own: frames that are
 * already there are taken in a loop (the stack does not grow however many are ready), otherwise the next frame's
 * completion continues the chain.
 */
public final class TrackReading {
    private TrackReading() {
    }

    /**
     * Hands {@code handler} each frame (error null) or the error that ended the track (frame null) for as long as it
     * returns true.
     */
    public static void readWhile(MediaStreamTrack track, BiPredicate<Frame, Throwable> handler) {
        while (true) {
            CompletableFuture<Frame> next = track.recv();
            if (!next.isDone()) {
                next.whenComplete((frame, error) -> {
                    if (handler.test(frame, error)) {
                        readWhile(track, handler);
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
            if (!handler.test(frame, error)) {
                return;
            }
        }
    }
}
