package io.jrtc.media;

import java.util.Locale;

/** W3C Media Capture and Streams §4.3.1 {@code MediaStreamTrackState}: a track is live until it ends, for good. */
public enum MediaStreamTrackState {
    LIVE, ENDED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
