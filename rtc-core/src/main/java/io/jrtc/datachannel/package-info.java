/**
 * WebRTC data channels: the Data Channel Establishment Protocol (RFC 8832) wire format and the channel semantics of
 * RFC 8831 (stream id parity, PPIDs, empty messages, closing by stream reset) as a sans-IO engine driven by the
 * SCTP association through {@link io.jrtc.datachannel.SctpStreamSender}.
 */
package io.jrtc.datachannel;
