package io.jrtc.codec;

/**
 * A complete frame reassembled from RTP packets: the codec bitstream (an Opus packet, a VP8 frame, or an H.264
 * access unit in Annex B form), its RTP timestamp, whether it decodes on its own, and the extended sequence
 * numbers (RFC 3550 Appendix A.1) of its first and last packet.
 */
public record MediaFrame(byte[] data, int rtpTimestamp, boolean keyframe, long firstSequenceNumber,
                         long lastSequenceNumber) {
}
