package io.jrtc.media;

import io.jrtc.time.RtcClock;

/**
 * Where paced tracks get the time and their timers: an {@link RtcClock}. The system clock runs every task of every
 * track on one shared daemon thread, so a track costs no thread; tests use a {@link VirtualMediaClock}.
 */
public interface MediaClock extends RtcClock {
    /** The real clock, {@link RtcClock#system()}. */
    static MediaClock system() {
        return SystemMediaClock.INSTANCE;
    }

    /** {@code clock} as a media clock: itself when it is one. */
    static MediaClock of(RtcClock clock) {
        if (clock instanceof MediaClock media) {
            return media;
        }
        return clock == RtcClock.system() ? system() : new MediaClockAdapter(clock);
    }
}
