/**
 * RTP and RTCP wire formats, sans-IO: the RTP fixed header with CSRCs, padding and RFC 8285 header extensions
 * ({@link io.jrtc.rtp.RtpHeader}, {@link io.jrtc.rtp.RtpHeaderWriter}) and typed helpers for the extensions
 * WebRTC uses; compound RTCP (RFC 3550 §6, RFC 5506) with one record per packet type, including RTPFB/PSFB
 * feedback (RFC 4585, RFC 5104, transport-wide CC and REMB drafts); RTP/RTCP demultiplexing (RFC 5761 §4,
 * RFC 7983); 16-bit sequence number arithmetic (RFC 3550 Appendix A.1) and NTP timestamps. Parsers throw only
 * {@link io.jrtc.rtp.RtpParseException}.
 */
package io.jrtc.rtp;
