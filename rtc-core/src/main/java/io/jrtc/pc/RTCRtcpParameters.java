package io.jrtc.pc;

/**
 * RTCP settings of an RTP stream (W3C webrtc §5.2 RTCRtcpParameters; the reference's {@code RTCRtcpParameters}):
 * the CNAME of RTCP SDES (RFC 3550 §6.5.1), null when unknown; whether RTP and RTCP share one transport
 * (RFC 5761); and the sending SSRC, null when none, else an unsigned 32-bit value.
 */
public record RTCRtcpParameters(String cname, boolean mux, Long ssrc) {

    /** The reference's defaults: no CNAME, no mux, no SSRC. */
    public static final RTCRtcpParameters DEFAULT = new RTCRtcpParameters(null, false, null);

    public RTCRtcpParameters {
        if (ssrc != null && (ssrc < 0 || ssrc > 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("ssrc must be an unsigned 32-bit value: " + ssrc);
        }
        if (cname != null && cname.length() > 255) {
            throw new IllegalArgumentException("cname is longer than RTCP SDES allows (255): " + cname.length());
        }
    }
}
