/**
 * STUN (RFC 8489): the message codec with its attributes, short-term and long-term credentials, FINGERPRINT,
 * and a sans-IO retransmission helper for client transactions. Nothing here opens a socket or reads a clock.
 */
package io.jrtc.stun;
