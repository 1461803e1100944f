package io.jrtc.pc;

import java.util.List;

/**
 * The configuration of an RTCRtpSender or RTCRtpReceiver (W3C webrtc §5.2 RTCRtpParameters; the reference's
 * {@code RTCRtpParameters}): negotiated codecs, header extensions, the muxId (the BUNDLE mid, RFC 8843; "" when
 * unset) and RTCP settings. Null lists become empty, a null muxId "", a null rtcp {@link RTCRtcpParameters#DEFAULT}.
 */
public record RTCRtpParameters(List<RTCRtpCodecParameters> codecs,
        List<RTCRtpHeaderExtensionParameters> headerExtensions, String muxId, RTCRtcpParameters rtcp) {

    public RTCRtpParameters {
        codecs = codecs == null ? List.of() : List.copyOf(codecs);
        headerExtensions = headerExtensions == null ? List.of() : List.copyOf(headerExtensions);
        muxId = muxId == null ? "" : muxId;
        rtcp = rtcp == null ? RTCRtcpParameters.DEFAULT : rtcp;
    }
}
