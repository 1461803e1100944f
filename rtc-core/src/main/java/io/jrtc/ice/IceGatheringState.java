package io.jrtc.ice;

import java.util.Locale;

/** The W3C RTCIceGathererState values, printed as the W3C strings. */
public enum IceGatheringState {
    NEW, GATHERING, COMPLETE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
