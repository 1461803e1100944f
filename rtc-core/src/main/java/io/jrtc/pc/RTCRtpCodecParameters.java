package io.jrtc.pc;

import java.util.List;
import java.util.Map;

/**
 * A codec as negotiated for an RTP stream (W3C webrtc §5.2 RTCRtpCodecParameters; the reference's
 * {@code RTCRtpCodecParameters}): the capability fields plus the payload type it is bound to (0-127, RFC 3550
 * §5.1) and its RTCP feedback mechanisms. {@code channels} is null when not signalled; {@code parameters} are the
 * {@code a=fmtp} key/values in order. Lists and maps are copied.
 */
public record RTCRtpCodecParameters(String mimeType, int clockRate, Integer channels, int payloadType,
        List<RTCRtcpFeedback> rtcpFeedback, Map<String, String> parameters) {

    public RTCRtpCodecParameters {
        RTCRtpCodecCapability.checkMimeType(mimeType);
        RTCRtpCodecCapability.checkClockRate(clockRate);
        RTCRtpCodecCapability.checkChannels(channels);
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payloadType must be 0 to 127: " + payloadType);
        }
        rtcpFeedback = rtcpFeedback == null ? List.of() : List.copyOf(rtcpFeedback);
        parameters = RTCRtpCodecCapability.copyParameters(parameters);
    }

    /** "audio" or "video": the part of the mime type before the slash. */
    public String kind() {
        return mimeType.substring(0, mimeType.indexOf('/'));
    }
}
