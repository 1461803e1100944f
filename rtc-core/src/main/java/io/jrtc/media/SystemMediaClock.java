package io.jrtc.media;

import io.jrtc.time.RtcClock;

/** {@link MediaClock#system()}: {@link RtcClock#system()} as a media clock. */
final class SystemMediaClock extends MediaClockAdapter {
    static final SystemMediaClock INSTANCE = new SystemMediaClock();

    private SystemMediaClock() {
        super(RtcClock.system());
    }
}
