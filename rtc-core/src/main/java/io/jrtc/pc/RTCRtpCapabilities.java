package io.jrtc.pc;

import java.util.List;

/**
 * What this side can send or receive for one media kind: codecs in decreasing preference and header extensions
 * (W3C webrtc §5.2 RTCRtpCapabilities; the reference's {@code RTCRtpCapabilities}). The lists are copied.
 */
public record RTCRtpCapabilities(List<RTCRtpCodecCapability> codecs,
        List<RTCRtpHeaderExtensionCapability> headerExtensions) {

    public RTCRtpCapabilities {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
        headerExtensions = headerExtensions == null ? List.of() : List.copyOf(headerExtensions);
    }
}
