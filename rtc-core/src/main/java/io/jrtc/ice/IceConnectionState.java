package io.jrtc.ice;

import java.util.Locale;

/** The W3C RTCIceTransportState / RTCIceConnectionState values, printed as the W3C strings. */
public enum IceConnectionState {
    NEW, CHECKING, CONNECTED, COMPLETED, FAILED, DISCONNECTED, CLOSED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
