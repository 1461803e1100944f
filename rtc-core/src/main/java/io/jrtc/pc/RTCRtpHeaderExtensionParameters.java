package io.jrtc.pc;

/**
 * A header extension as negotiated for an RTP stream (W3C webrtc §5.2 RTCRtpHeaderExtensionParameters): its
 * RFC 8285 URI and the id that stands for it in packets, 1-14 for the one-byte form or 16-255 for the two-byte
 * form (RFC 8285 §4.2, §4.3; 15 is reserved in the one-byte form).
 */
public record RTCRtpHeaderExtensionParameters(String uri, int id) {

    public RTCRtpHeaderExtensionParameters {
        checkUri(uri);
        if (id < 1 || id == 15 || id > 255) {
            throw new IllegalArgumentException("header extension id must be 1-14 or 16-255: " + id);
        }
    }

    static void checkUri(String uri) {
        if (uri == null || uri.isEmpty() || uri.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("header extension URI must be non-empty text without spaces: '"
                    + uri + "'");
        }
    }
}
