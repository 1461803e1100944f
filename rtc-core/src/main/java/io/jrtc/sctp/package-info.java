/**
 * SCTP for WebRTC data channels over DTLS (RFC 8261): RFC 9260 with partial reliability (RFC 3758), stream reset
 * (RFC 6525) and the SACK-IMMEDIATELY bit (RFC 7053), as a sans-IO state machine. {@link io.jrtc.sctp.SctpAssociation}
 * is the entry point; packets are one per DTLS record, time is passed in as nanoseconds.
 */
package io.jrtc.sctp;
