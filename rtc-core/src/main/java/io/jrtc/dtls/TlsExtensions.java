package io.jrtc.dtls;

import java.util.Hashtable;

/** BouncyCastle hands extension tables as raw, possibly null, Hashtables. */
final class TlsExtensions {
    private TlsExtensions() {
    }

    @SuppressWarnings("rawtypes")
    static Hashtable orEmpty(Hashtable extensions) {
        return extensions == null ? new Hashtable() : extensions;
    }
}
