/**
 * ICE (RFC 8445) with trickle (RFC 8838) and consent freshness (RFC 7675), for one component over UDP, as a sans-IO
 * state machine: {@link io.jrtc.ice.IceAgent} is fed received datagrams and the current time and hands back
 * datagrams to send ({@link io.jrtc.ice.IceTransmit}), a timer deadline and {@link io.jrtc.ice.IceEvent}s. The
 * caller owns the sockets and resolves any mDNS host names.
 */
package io.jrtc.ice;
