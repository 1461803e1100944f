package io.jrtc.dtls;

import java.util.Locale;

/** Lifecycle of a {@link DtlsEndpoint}, named like the W3C {@code RTCDtlsTransportState} values. */
public enum DtlsState {
    NEW, CONNECTING, CONNECTED, CLOSED, FAILED;

    /** The W3C string: "new", "connecting", "connected", "closed" or "failed". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
