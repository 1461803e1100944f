package io.jrtc.media.file;

import io.jrtc.media.Frame;
import io.jrtc.media.MediaStreamTrack;
import io.jrtc.media.TrackReading;
import java.util.function.Consumer;

/** Reads a track frame by frame ({@link TrackReading}) until the track ends or {@link #stop()} is called. */
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
        if (!stopped) {
            TrackReading.readWhile(track, this::take);
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
