package io.jrtc.media;

import io.jrtc.time.RtcClock;

/** An {@link RtcClock} seen as a {@link MediaClock}: every call goes to it. */
class MediaClockAdapter implements MediaClock {
    private final RtcClock clock;

    MediaClockAdapter(RtcClock clock) {
        this.clock = clock;
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
        return clock.currentTimeMillis();
    }

    @Override
    public void schedule(long delayNanos, Runnable task) {
        clock.schedule(delayNanos, task);
    }
}
