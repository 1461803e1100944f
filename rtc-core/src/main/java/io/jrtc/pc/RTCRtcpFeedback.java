package io.jrtc.pc;

/**
 * One RTCP feedback mechanism a codec uses, as in {@code a=rtcp-fb} (RFC 4585 §4.2; W3C webrtc §5.2
 * RTCRtcpFeedback): {@code type} such as "nack", "ccm", "goog-remb" or "transport-cc", and {@code parameter}
 * such as "pli" or "fir", null when the mechanism has none.
 */
public record RTCRtcpFeedback(String type, String parameter) {

    public RTCRtcpFeedback {
        if (type == null || type.isEmpty() || type.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("rtcp feedback type must be one non-empty token: '" + type + "'");
        }
        if (parameter != null && (parameter.isEmpty() || !parameter.strip().equals(parameter))) {
            throw new IllegalArgumentException("rtcp feedback parameter must be null or trimmed text: '"
                    + parameter + "'");
        }
    }

    /** A mechanism without a parameter, e.g. {@code "transport-cc"}. */
    public RTCRtcpFeedback(String type) {
        this(type, null);
    }
}
