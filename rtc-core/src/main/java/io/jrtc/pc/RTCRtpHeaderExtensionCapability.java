package io.jrtc.pc;

/**
 * An RTP header extension this side supports, named by its RFC 8285 URI (W3C webrtc §5.2
 * RTCRtpHeaderExtensionCapability; the reference's {@code RTCRtpHeaderExtensionCapability}).
 */
public record RTCRtpHeaderExtensionCapability(String uri) {

    public RTCRtpHeaderExtensionCapability {
        RTCRtpHeaderExtensionParameters.checkUri(uri);
    }
}
