package io.jrtc.pc.internal.media;

import io.jrtc.pc.RTCRtcpParameters;
import io.jrtc.pc.RTCRtpHeaderExtensionParameters;
import io.jrtc.pc.RTCRtpParameters;
import io.jrtc.sdp.media.ExtMap;
import io.jrtc.sdp.media.RtcpFeedback;
import io.jrtc.sdp.media.RtpCodec;
import java.util.List;

/** The API view of what a negotiation settled for a sender or receiver, and look-ups into it. */
final class NegotiatedParameters {
    /** No header extension negotiated: RFC 8285 ids start at 1. */
    static final int NO_EXTENSION = 0;

    private NegotiatedParameters() {
    }

    static RTCRtpParameters of(List<RtpCodec> codecs, List<ExtMap> extensions, String mid, RTCRtcpParameters rtcp) {
        return new RTCRtpParameters(codecs.stream().map(SupportedCodecs::toParameters).toList(),
                extensions.stream().map(e -> new RTCRtpHeaderExtensionParameters(e.uri(), e.id())).toList(),
                mid == null ? "" : mid, rtcp);
    }

    /** The codecs of API parameters as the SDP model has them (an audio codec without channels has one). */
    static List<RtpCodec> codecs(RTCRtpParameters parameters) {
        return parameters.codecs().stream().map(c -> new RtpCodec(c.payloadType(), c.mimeType(), c.clockRate(),
                c.channels() != null ? c.channels() : c.kind().equals("audio") ? 1 : 0, c.parameters(),
                c.rtcpFeedback().stream().map(f -> new RtcpFeedback.Mechanism(f.type(), f.parameter())).toList()))
                .toList();
    }

    static List<ExtMap> extensions(RTCRtpParameters parameters) {
        return parameters.headerExtensions().stream().map(e -> new ExtMap(e.id(), e.uri())).toList();
    }

    /** The id negotiated for an extension URI, or {@link #NO_EXTENSION}. */
    static int extensionId(List<ExtMap> extensions, String uri) {
        for (ExtMap e : extensions) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return NO_EXTENSION;
    }
}
