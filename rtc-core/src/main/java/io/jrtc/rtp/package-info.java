/**
 * RTP and RTCP wire formats, sans-IO: the RTP fixed header with CSRCs, padding and RFC 8285 header extensions
 * ({@link io.jrtc.rtp.RtpHeader}, {@link io.jrtc.rtp.RtpHeaderWriter}) and typed helpers for the extensions
 * WebRTC uses; compound RTCP (RFC 3550 §6, RFC 5506) with one record per packet type, including RTPFB/PSFB
 * feedback (RFC 4585, RFC 5104, transport-wide CC and REMB drafts); RTP/RTCP demultiplexing (RFC 5761 §4,
 * RFC 7983); 16-bit sequence number arithmetic (RFC 3550 Appendix A.1) and NTP timestamps. Parsers throw only
 * {@link io.jrtc.rtp.RtpParseException}. Also the state behind the reports and the feedback, taking time as an
 * input: receive and send statistics for report blocks, sender reports and RTT (RFC 3550 §6.4, A.3, A.8), NACK
 * generation (RFC 4585 §6.2.1), a retransmission history and RTX wrapping (RFC 4588 §4).
 */
package io.jrtc.rtp;
