/**
 * Packet forwarding for an SFU, sans-IO: a publisher's RTP packets go to each viewer as they are, with only the
 * header rewritten per viewer (SSRC, payload type, sequence number, timestamp) and, for VP8, the picture id and
 * TL0PICIDX of the payload descriptor (RFC 7741 §4.2), so that a viewer sees one continuous stream across
 * simulcast layer switches (RFC 8853) and dropped temporal layers. Switches happen only on keyframes. Nothing is
 * depacketized or packetized again; what a viewer loses is resent from that viewer's own send history, and what
 * the publisher's hop loses is asked for by the receiving side (RFC 4585 §6.2.1), one hop at a time.
 *
 * <p>{@link io.jrtc.rtp.forward.ForwardingStream} is the per-viewer machine, fed packets with their arrival time;
 * {@link io.jrtc.rtp.forward.CounterMap} the wrap-around counter rewriting under it;
 * {@link io.jrtc.rtp.forward.PacketSource} what a track that can be forwarded packet by packet offers.
 */
package io.jrtc.rtp.forward;
