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
}
