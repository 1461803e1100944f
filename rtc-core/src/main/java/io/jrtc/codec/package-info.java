/**
 * RTP payload formats for the codecs WebRTC peers use, sans-IO: packetizers turn one media frame into RTP
 * payloads with their marker bits, depacketizers turn RTP packets (reordered, duplicated, lost) back into frames.
 * Opus (RFC 7587), VP8 (RFC 7741), VP9 (RFC 9628), AV1 (the AV1 RTP specification), H.264 packetization-mode 0
 * and 1 (RFC 6184) and H.265 (RFC 7798). Every depacketizer answers per packet whether it starts a keyframe
 * ({@link io.jrtc.codec.Depacketizer#startsKeyframe}), for a forwarder that switches streams on keyframes. {@link io.jrtc.codec.FrameAssembler}
 * is the jitter buffer shared by the depacketizers: it orders packets by extended sequence number (RFC 3550
 * Appendix A.1), emits complete frames in order and reports missing sequence numbers for NACK (RFC 4585 §6.2.1).
 * Parsers throw only {@link io.jrtc.codec.CodecParseException}; the assembler counts and drops malformed input.
 */
package io.jrtc.codec;
