package io.jrtc.codec;

/**
 * One RTP payload produced by a packetizer and the marker bit (RFC 3550 §5.1) its packet must carry; the caller
 * adds the RTP header with the frame's timestamp and the next sequence number.
 */
public record RtpPayload(byte[] data, boolean marker) {
    public RtpPayload {
        if (data == null) {
            throw new IllegalArgumentException("payload is null");
        }
    }
}
