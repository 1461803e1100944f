package io.jrtc.pc;

import java.util.Objects;

/** A session description: SDP text and its type. */
public record RTCSessionDescription(String sdp, RTCSdpType type) {
    public RTCSessionDescription {
        Objects.requireNonNull(type, "type");
        if (sdp == null) {
            sdp = "";
        }
    }

    public RTCSessionDescription(String sdp, String type) {
        this(sdp, RTCSdpType.fromString(type));
    }

    public String getSdp() {
        return sdp;
    }

    public RTCSdpType getType() {
        return type;
    }
}
