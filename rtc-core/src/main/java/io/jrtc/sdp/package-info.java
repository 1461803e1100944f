/**
 * SDP (RFC 8866) as a typed, mutable model with a strict parser and a writer that emits lines in the RFC's order,
 * plus the JSEP (RFC 8829) helpers a peer connection needs: session-level fallbacks for ICE and DTLS attributes,
 * BUNDLE groups. Pure functions over strings: no I/O, no clock.
 */
package io.jrtc.sdp;
