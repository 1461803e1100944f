package io.jrtc.pc;

import java.util.Map;

/** Stats of the transport (W3C RTCTransportStats): bytes and packets over the selected path, roles, states. */
public final class RTCTransportStats extends RTCStats {
    /** The transport's stats as the stack reports them. */
    public RTCTransportStats(String id, double timestamp, Map<String, Object> members) {
        super("transport", id, timestamp, members);
    }

    public long getPacketsSent() {
        return longMember("packetsSent");
    }

    public long getPacketsReceived() {
        return longMember("packetsReceived");
    }

    public long getBytesSent() {
        return longMember("bytesSent");
    }

    public long getBytesReceived() {
        return longMember("bytesReceived");
    }

    public String getIceRole() {
        return (String) get("iceRole");
    }

    public String getDtlsState() {
        return (String) get("dtlsState");
    }

    /** The SRTP protection profile, e.g. "SRTP_AEAD_AES_128_GCM", once DTLS is connected. */
    public String getSrtpCipher() {
        return (String) get("srtpCipher");
    }

    /** The DTLS cipher suite, e.g. "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", once DTLS is connected. */
    public String getDtlsCipher() {
        return (String) get("dtlsCipher");
    }

    /** The DTLS version in hex, "FEFD" for DTLS 1.2, once connected. */
    public String getTlsVersion() {
        return (String) get("tlsVersion");
    }
}
