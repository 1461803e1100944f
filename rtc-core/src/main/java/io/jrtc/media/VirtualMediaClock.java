package io.jrtc.media;

import io.jrtc.time.VirtualClock;

/** A {@link VirtualClock} that paced tracks take as their {@link MediaClock}. */
public final class VirtualMediaClock extends VirtualClock implements MediaClock {
    public VirtualMediaClock() {
        super();
    }

    public VirtualMediaClock(long startNanos) {
        super(startNanos);
    }
}
